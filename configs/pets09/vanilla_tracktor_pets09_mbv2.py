# The vanilla twin of deepmot_tracktor_pets09_mbv2.py: the detector's own
# losses only.
#   .venv/bin/python tools/train.py \
#       configs/pets09/vanilla_tracktor_pets09_mbv2.py
_base_ = ['./deepmot_tracktor_pets09_mbv2.py']

model = dict(deepmot_loss=None)
custom_hooks = []
