# Stage 0 of the real-start PETS09-S2L1 SiamRPN: SiamRPN on a stride-8
# MobileNetV2 from the SSDLite person weights, trained on half-train-fit with
# SiamRPN's own loss under the schedule of
# stage0_siamrpn_r18-c16_1xb2-600it_pets09.py (only the network and its start
# differ).
_base_ = [
    '../_base_/siamrpn_pets09.py', '../_base_/models/mobilenetv2_siamrpn.py'
]

model = dict(
    data_preprocessor={{_base_.mbv2_siamrpn_preprocessor}},
    backbone={{_base_.mbv2_siamrpn_backbone}},
    neck={{_base_.mbv2_siamrpn_neck}},
    head={{_base_.mbv2_siamrpn_head}})
