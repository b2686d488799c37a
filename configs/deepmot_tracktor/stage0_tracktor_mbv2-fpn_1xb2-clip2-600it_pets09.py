# Stage 0 of the real-start PETS09 twins: a MobileNetV2-FPN Faster R-CNN from
# SSDLite person weights, the small network's stage-0 schedule.
_base_ = [
    '../_base_/tracktor_pets09.py',
    '../_base_/models/mobilenetv2_fpn_tracktor.py'
]

model = dict(
    detector={{_base_.mbv2_person}},
    data_preprocessor={{_base_.mbv2_person_preprocessor}})
