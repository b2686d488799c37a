# The design card's DeepMOT-Tracktor recipe on MOT17 (see
# configs/deepmot_tracktor/README.md).
_base_ = [
    './deepmot_tracktor/deepmot_tracktor_r50-fpn_8xb2-clip3-2e_mot17halftrain.py'
]
