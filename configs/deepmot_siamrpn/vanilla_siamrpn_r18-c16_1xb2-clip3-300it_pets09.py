# The vanilla twin on PETS09: stage 0 fine-tuned on 3-frame clips with
# SiamRPN's own loss, the backbone frozen.
_base_ = ['./stage0_siamrpn_r18-c16_1xb2-600it_pets09.py']

load_from = 'checkpoints/siamrpn_sot_pets09.pth'
model = dict(frozen_modules=['backbone'])
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
