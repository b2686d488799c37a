# Stage 0 of the real-start PETS09 twins: SiamRPN on a stride-8 MobileNetV2
# from SSDLite person weights, the small network's stage-0 schedule.
_base_ = [
    '../_base_/siamrpn_pets09.py', '../_base_/models/mobilenetv2_siamrpn.py'
]

model = dict(
    data_preprocessor={{_base_.mbv2_siamrpn_preprocessor}},
    backbone={{_base_.mbv2_siamrpn_backbone}},
    neck={{_base_.mbv2_siamrpn_neck}},
    head={{_base_.mbv2_siamrpn_head}})
