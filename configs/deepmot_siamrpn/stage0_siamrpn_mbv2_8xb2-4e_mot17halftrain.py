# Stage 0 on MOT17 for a GPU: SiamRPN++'s MobileNetV2 variant from packaged
# person weights, 4 epochs as the Tracktor stage 0.
_base_ = [
    '../_base_/siamrpn_clips_mot17halftrain.py',
    '../_base_/models/mobilenetv2_siamrpn.py', '../_base_/siamrpn_sot_optim.py'
]

model = dict(
    # the ResNet-50 SiamRPN++ checkpoint does not fit this backbone
    init_cfg=None,
    data_preprocessor={{_base_.mbv2_siamrpn_preprocessor}},
    backbone={{_base_.mbv2_siamrpn_backbone}},
    # 256 channels a level, as SiamRPN++ (the PETS09 configs use 64 on CPU)
    neck=dict(in_channels=[32, 96, 320]),
    frozen_modules=[])
train_cfg = dict(max_epochs=4)
optim_wrapper = {{_base_.sot_optim_wrapper}}
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0,
         end=500),
    dict(type='MultiStepLR', by_epoch=True, milestones=[3], gamma=0.1)
]
