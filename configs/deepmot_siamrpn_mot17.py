# The design card's DeepMOT-SiamRPN recipe on MOT17 (see
# configs/deepmot_siamrpn/README.md).
_base_ = [
    './deepmot_siamrpn/deepmot_siamrpn_r50_8xb2-clip3-2e_mot17halftrain.py'
]
