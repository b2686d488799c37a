# deepmot_tracktor_mbv2-fpn_1xb1-clip8-600it_pets09.py with the identity terms
# of the loss: 1 - dIDF1 and 1 - dHOTA over each clip, weighted as 1 - dMOTA is
# (docs/identity_loss.md).
_base_ = ['./deepmot_tracktor_mbv2-fpn_1xb1-clip8-600it_pets09.py']

model = dict(deepmot_loss=dict(lambda_idf1=1.0, lambda_hota=1.0))
