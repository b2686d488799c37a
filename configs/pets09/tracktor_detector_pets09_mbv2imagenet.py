# The other start for tracktor_detector_pets09_mbv2person.py: the same
# detector and schedule from ImageNet MobileNetV2 weights.
#   .venv/bin/python tools/train.py \
#       configs/pets09/tracktor_detector_pets09_mbv2imagenet.py
_base_ = ['./tracktor_detector_pets09_mbv2person.py']

model = dict(
    detector={{_base_.mbv2_imagenet}},
    data_preprocessor={{_base_.mbv2_imagenet_preprocessor}})
