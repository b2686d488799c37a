# The vanilla twin of
# deepmot_tracktor_r18-c16-fpn_1xb2-clip3-1200it_mot17drawn.py: the same model,
# data, clips, frozen parts and schedule, with the detector's own losses only.
#   .venv/bin/python tools/train.py \
#       configs/deepmot_tracktor/vanilla_tracktor_r18-c16-fpn_1xb2-clip3-1200it_mot17drawn.py
_base_ = ['./deepmot_tracktor_r18-c16-fpn_1xb2-clip3-1200it_mot17drawn.py']

model = dict(deepmot_loss=None)
custom_hooks = []
