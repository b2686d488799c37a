# Ablation of deepmot_siamrpn_mot17drawn.py: the DeepMOT loss with the
# Sinkhorn matcher (entropic optimal transport with a slack row and column,
# SinkhornMatcher's defaults) in place of the frozen DHN; everything else
# is the DeepMOT twin's.
#   .venv/bin/python projects/twin_study/tools/compare_twins.py \
#       siamrpn-mot17drawn \
#       --deepmot-config \
#       configs/mot17_drawn/deepmot_siamrpn_mot17drawn_sinkhorn.py
_base_ = ['./deepmot_siamrpn_mot17drawn.py']

model = dict(
    deepmot_loss=dict(matcher=dict(_delete_=True, type='SinkhornMatcher')))
