# Ablation of deepmot_tracktor_pets09.py: dMOTA alone (no dMOTP term).
#   .venv/bin/python projects/twin_study/tools/compare_twins.py \
#       tracktor-pets09 \
#       --deepmot-config configs/pets09/deepmot_tracktor_pets09_dmota.py
_base_ = ['./deepmot_tracktor_pets09.py']

model = dict(deepmot_loss=dict(lambda_motp=0.0))
