# The vanilla twin of deepmot_siamrpn_mot17drawn.py: the same model, data,
# clips, frozen backbone and schedule, with SiamRPN's own loss only.
#   .venv/bin/python tools/train.py \
#       configs/mot17_drawn/vanilla_siamrpn_mot17drawn.py
_base_ = ['./deepmot_siamrpn_mot17drawn.py']

model = dict(deepmot_loss=None)
custom_hooks = []
