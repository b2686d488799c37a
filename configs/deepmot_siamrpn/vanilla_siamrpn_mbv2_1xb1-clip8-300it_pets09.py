# The vanilla twin of deepmot_siamrpn_mbv2_1xb1-clip8-300it_pets09.py: the
# network's own losses only.
_base_ = ['./deepmot_siamrpn_mbv2_1xb1-clip8-300it_pets09.py']

model = dict(deepmot_loss=None)
custom_hooks = []
