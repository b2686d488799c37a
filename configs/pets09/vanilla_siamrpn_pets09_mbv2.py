# The vanilla twin of deepmot_siamrpn_pets09_mbv2.py: SiamRPN's own loss
# only.
#   .venv/bin/python tools/train.py \
#       configs/pets09/vanilla_siamrpn_pets09_mbv2.py
_base_ = ['./deepmot_siamrpn_pets09_mbv2.py']

model = dict(deepmot_loss=None)
custom_hooks = []
