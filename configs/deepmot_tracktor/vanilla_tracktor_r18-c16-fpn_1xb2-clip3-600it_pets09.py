# The vanilla twin of deepmot_tracktor_r18-c16-fpn_1xb2-clip3-600it_pets09.py:
# the same model, data, clips, frozen parts and schedule, with the detector's
# own losses only.
#   .venv/bin/python tools/train.py \
#       configs/deepmot_tracktor/vanilla_tracktor_r18-c16-fpn_1xb2-clip3-600it_pets09.py
_base_ = ['./deepmot_tracktor_r18-c16-fpn_1xb2-clip3-600it_pets09.py']

model = dict(deepmot_loss=None)
custom_hooks = []
