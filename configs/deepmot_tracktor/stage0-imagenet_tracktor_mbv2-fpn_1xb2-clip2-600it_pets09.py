# The other start for stage0_tracktor_mbv2-fpn_1xb2-clip2-600it_pets09.py: the
# same detector and schedule from ImageNet MobileNetV2 weights.
_base_ = ['./stage0_tracktor_mbv2-fpn_1xb2-clip2-600it_pets09.py']

model = dict(
    detector={{_base_.mbv2_imagenet}},
    data_preprocessor={{_base_.mbv2_imagenet_preprocessor}})
