# DeepMOT-SiamRPN on PETS09-S2L1 (real pixels, 768x576): the drawn-MOT17 config
# (the GPU recipe configs/deepmot_siamrpn_mot17.py at CPU size). Only the data
# root, the validation video, the start weights and the birth threshold on
# ACF's detection scores (roughly 0-150, not [0, 1]) differ. SiamRPN crops its
# regions from the frames as they are. Fine-tuned on half-train-fit, checkpoint
# chosen on half-train-select, tested on half-val, born from the real ACF
# public detections. It starts from the PETS stage-0 SiamRPN
# (stage0_siamrpn_r18-c16_1xb2-600it_pets09.py).
#   (data: see deepmot_tracktor_r18-c16-fpn_1xb2-clip3-600it_pets09.py)
#   .venv/bin/python tools/train.py \
#       configs/deepmot_siamrpn/deepmot_siamrpn_r18-c16_1xb2-clip3-300it_pets09.py
_base_ = ['./deepmot_siamrpn_r18-c16_1xb2-clip3-300it_mot17drawn.py']

data_root = 'data/PETS09/'
load_from = 'checkpoints/siamrpn_sot_pets09.pth'
# births from ACF detections scoring at least this (ACF: about 0-150);
# chosen by MOTA on half-train with the stage-0 weights over 0, 20, 40, 60
# (tools/tune_tracker.py; docs/real_pixels.md)
model = dict(tracker=dict(det_score_thr=40.0))

train_dataloader = dict(dataset=dict(data_root=data_root))
# one video: the recipe validates on MOT17's FRCNN variants
val_dataloader = dict(
    dataset=dict(data_root=data_root, video_name_contains=None))
test_dataloader = dict(dataset=dict(data_root=data_root))
