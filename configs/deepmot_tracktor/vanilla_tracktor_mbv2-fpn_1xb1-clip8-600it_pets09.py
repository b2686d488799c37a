# The vanilla twin of deepmot_tracktor_mbv2-fpn_1xb1-clip8-600it_pets09.py: the
# network's own losses only.
_base_ = ['./deepmot_tracktor_mbv2-fpn_1xb1-clip8-600it_pets09.py']

model = dict(deepmot_loss=None)
custom_hooks = []
