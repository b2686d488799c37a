# The other start for the real-start stage 0: ImageNet MobileNetV2 weights
# (lost to the person weights on half-train-select).
_base_ = ['./stage0_tracktor_mbv2-fpn_1xb2-clip2-600it_pets09.py']

model = dict(
    detector={{_base_.mbv2_imagenet}},
    data_preprocessor={{_base_.mbv2_imagenet_preprocessor}})
