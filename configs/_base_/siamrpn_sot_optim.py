# The optimizer of SiamRPN's stage 0 (its own loss, nothing frozen): SGD
# with clipped gradients, in place of the twins' Adam. Stage-0 configs take
# it as ``optim_wrapper = {{_base_.sot_optim_wrapper}}``.
sot_optim_wrapper = dict(
    _delete_=True,
    type='OptimWrapper',
    optimizer=dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=1e-4),
    clip_grad=dict(max_norm=10, norm_type=2))
