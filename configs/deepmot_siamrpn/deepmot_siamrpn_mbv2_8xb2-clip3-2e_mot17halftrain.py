# DeepMOT-SiamRPN on MOT17 from the MobileNetV2 start (GPU): the R50 recipe's
# schedule and loss on the network of its stage 0.
_base_ = [
    './stage0_siamrpn_mbv2_8xb2-4e_mot17halftrain.py',
    '../_base_/deepmot_loss.py'
]

load_from = 'work_dirs/stage0_siamrpn_mbv2_8xb2-4e_mot17halftrain/epoch_4.pth'
model = dict(
    deepmot_loss=dict(_base_.deepmot_loss, _delete_=True),
    frozen_modules=['backbone'])
custom_hooks = [{{_base_.deepmot_hook}}]
# the ResNet-50 recipe's schedule
train_cfg = dict(max_epochs=2)
optim_wrapper = dict(
    _delete_=True,
    type='OptimWrapper',
    optimizer=dict(type='Adam', lr=1e-4, weight_decay=1e-4),
    clip_grad=dict(max_norm=10, norm_type=2))
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0,
         end=200),
    dict(type='MultiStepLR', by_epoch=True, milestones=[1], gamma=0.1)
]
