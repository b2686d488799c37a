# Stage 0 of the real-start PETS09-S2L1 Tracktor: a MobileNetV2-FPN Faster
# R-CNN whose backbone starts from an SSDLite person detector's weights,
# trained on half-train-fit with the detector's losses under the schedule of
# tracktor_detector_pets09.py (only the network and its start differ).
#   .venv/bin/python tools/train.py \
#       configs/pets09/tracktor_detector_pets09_mbv2person.py
_base_ = [
    './tracktor_detector_pets09.py',
    '../_base_/models/mobilenetv2_fpn_tracktor.py'
]

model = dict(
    detector={{_base_.mbv2_person}},
    data_preprocessor={{_base_.mbv2_person_preprocessor}})
load_from = None
