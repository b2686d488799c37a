# The vanilla twin of deepmot_siamrpn_pets09_mbv2_clip8.py: the network's own
# losses only.
_base_ = ['./deepmot_siamrpn_pets09_mbv2_clip8.py']

model = dict(deepmot_loss=None)
custom_hooks = []
