# Ablation of deepmot_siamrpn_mot17drawn.py: the DeepMOT loss with dMOTA
# alone (no dMOTP term, lambda_motp=0); everything else is the DeepMOT
# twin's.
#   .venv/bin/python projects/twin_study/tools/compare_twins.py \
#       siamrpn-mot17drawn \
#       --deepmot-config \
#       configs/mot17_drawn/deepmot_siamrpn_mot17drawn_dmota.py
_base_ = ['./deepmot_siamrpn_mot17drawn.py']

model = dict(deepmot_loss=dict(lambda_motp=0.0))
