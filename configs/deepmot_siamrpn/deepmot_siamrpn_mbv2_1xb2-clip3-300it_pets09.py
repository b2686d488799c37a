# DeepMOT-SiamRPN on PETS09-S2L1 from a real start: the stride-8 MobileNetV2
# SiamRPN of stage0_siamrpn_mbv2_1xb2-600it_pets09.py (its last checkpoint,
# shipped) with the small network's clips, loss and schedule
# (deepmot_siamrpn_r18-c16_1xb2-clip3-300it_pets09.py).
#   .venv/bin/python tools/train.py \
#       configs/deepmot_siamrpn/deepmot_siamrpn_mbv2_1xb2-clip3-300it_pets09.py
_base_ = [
    './deepmot_siamrpn_r18-c16_1xb2-clip3-300it_pets09.py',
    '../_base_/models/mobilenetv2_siamrpn.py'
]

model = dict(
    data_preprocessor={{_base_.mbv2_siamrpn_preprocessor}},
    backbone={{_base_.mbv2_siamrpn_backbone}},
    neck={{_base_.mbv2_siamrpn_neck}},
    head={{_base_.mbv2_siamrpn_head}},
    # best HOTA on half-train-select with the stage-0 weights (births at
    # 40 stay; docs/results.md)
    tracker=dict(death_score_thr=0.9))
load_from = 'checkpoints/siamrpn_sot_pets09_mbv2.pth'
