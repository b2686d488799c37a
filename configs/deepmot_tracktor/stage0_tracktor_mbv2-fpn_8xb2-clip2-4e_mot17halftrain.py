# Stage 0 on MOT17 for a GPU: Tracktor with a MobileNetV2-FPN Faster R-CNN from
# packaged person weights, 4 epochs as MMTracking's detector.
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
