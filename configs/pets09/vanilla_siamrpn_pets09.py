# The vanilla twin of deepmot_siamrpn_pets09.py: the same model, data,
# clips, frozen backbone and schedule, with SiamRPN's own loss only.
#   .venv/bin/python tools/train.py configs/pets09/vanilla_siamrpn_pets09.py
_base_ = ['./deepmot_siamrpn_pets09.py']

model = dict(deepmot_loss=None)
custom_hooks = []
