# The vanilla twin of deepmot_tracktor_mot17drawn.py: the same model, data,
# clips, frozen parts and schedule, with the detector's own losses only.
#   .venv/bin/python tools/train.py \
#       configs/mot17_drawn/vanilla_tracktor_mot17drawn.py
_base_ = ['./deepmot_tracktor_mot17drawn.py']

model = dict(deepmot_loss=None)
custom_hooks = []
