# The vanilla twin of deepmot_siamrpn_mbv2_1xb2-clip3-300it_pets09.py:
# SiamRPN's own loss only.
#   .venv/bin/python tools/train.py \
#       configs/deepmot_siamrpn/vanilla_siamrpn_mbv2_1xb2-clip3-300it_pets09.py
_base_ = ['./deepmot_siamrpn_mbv2_1xb2-clip3-300it_pets09.py']

model = dict(deepmot_loss=None)
custom_hooks = []
