# The real-start vanilla twin on 8-frame clips (one a step), long enough for a
# switch to last: the identity-term study's vanilla twin.
_base_ = ['./stage0_siamrpn_mbv2_1xb2-600it_pets09.py']

load_from = 'checkpoints/siamrpn_sot_pets09_mbv2.pth'
model = dict(frozen_modules=['backbone'], tracker=dict(death_score_thr=0.9))
train_dataloader = dict(batch_size=1, dataset=dict(clip_length=8))
max_iters = 300
train_cfg = dict(max_iters=max_iters, val_interval=75)
optim_wrapper = dict(
    _delete_=True,
    type='OptimWrapper',
    optimizer=dict(type='Adam', lr=3e-4, weight_decay=1e-4),
    clip_grad=dict(max_norm=10, norm_type=2))
param_scheduler = [
    dict(type='CosineAnnealingLR', by_epoch=False, begin=0, end=max_iters,
         eta_min=1e-6)
]
default_hooks = dict(checkpoint=dict(interval=75))
