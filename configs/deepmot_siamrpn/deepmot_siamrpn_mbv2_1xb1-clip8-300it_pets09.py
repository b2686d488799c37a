# deepmot_siamrpn_mbv2_1xb2-clip3-300it_pets09.py on 8-frame clips, one a step
# (8 frames a step against 2 x 3): the twin without identity terms that
# deepmot-identity_siamrpn_mbv2_1xb1-clip8-300it_pets09.py is measured against,
# on clips long enough for a switch to last (docs/identity_loss.md).
_base_ = ['./deepmot_siamrpn_mbv2_1xb2-clip3-300it_pets09.py']

train_dataloader = dict(batch_size=1, dataset=dict(clip_length=8))
