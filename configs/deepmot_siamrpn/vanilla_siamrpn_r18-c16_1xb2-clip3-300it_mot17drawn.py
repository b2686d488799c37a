# The vanilla twin of deepmot_siamrpn_r18-c16_1xb2-clip3-300it_mot17drawn.py:
# the same model, data, clips, frozen backbone and schedule, with SiamRPN's own
# loss only.
#   .venv/bin/python tools/train.py \
#       configs/deepmot_siamrpn/vanilla_siamrpn_r18-c16_1xb2-clip3-300it_mot17drawn.py
_base_ = ['./deepmot_siamrpn_r18-c16_1xb2-clip3-300it_mot17drawn.py']

model = dict(deepmot_loss=None)
custom_hooks = []
