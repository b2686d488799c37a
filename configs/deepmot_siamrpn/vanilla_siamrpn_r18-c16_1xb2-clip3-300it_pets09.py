# The vanilla SiamRPN twin on PETS09-S2L1: stage 0's SiamRPN
# (stage0_siamrpn_r18-c16_1xb2-600it_pets09.py) fine-tuned on 3-frame clips
# of half-train-fit with SiamRPN's own loss, the backbone frozen, under the
# drawn MOT17's twin schedule; checkpoint chosen on half-train-select. Its
# DeepMOT twin adds only the loss.
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
