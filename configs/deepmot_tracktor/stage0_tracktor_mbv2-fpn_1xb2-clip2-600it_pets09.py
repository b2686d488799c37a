# Stage 0 of the real-start PETS09-S2L1 Tracktor: a MobileNetV2-FPN Faster
# R-CNN whose backbone starts from an SSDLite person detector's weights,
# trained on half-train-fit with the detector's losses under the schedule of
# stage0_tracktor_r18-c16-fpn_1xb2-clip2-600it_pets09.py (only the network and
# its start differ).
_base_ = [
    '../_base_/tracktor_pets09.py',
    '../_base_/models/mobilenetv2_fpn_tracktor.py'
]

model = dict(
    detector={{_base_.mbv2_person}},
    data_preprocessor={{_base_.mbv2_person_preprocessor}})
