# The vanilla twin of deepmot_tracktor_mbv2-fpn_1xb2-clip3-600it_pets09.py: the
# detector's own losses only.
#   .venv/bin/python tools/train.py \
#       configs/deepmot_tracktor/vanilla_tracktor_mbv2-fpn_1xb2-clip3-600it_pets09.py
_base_ = ['./deepmot_tracktor_mbv2-fpn_1xb2-clip3-600it_pets09.py']

model = dict(deepmot_loss=None)
custom_hooks = []
