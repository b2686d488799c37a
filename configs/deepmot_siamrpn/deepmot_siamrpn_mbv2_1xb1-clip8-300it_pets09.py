# The 8-frame vanilla twin plus the DeepMOT loss: the baseline of the
# identity-term study.
_base_ = [
    './vanilla_siamrpn_mbv2_1xb1-clip8-300it_pets09.py',
    '../_base_/deepmot_loss.py'
]

# the loss in place of the vanilla twin's deepmot_loss=None
model = dict(
    deepmot_loss=dict(
        _base_.deepmot_loss,
        _delete_=True,
        matcher=_base_.dhn_matcher))
custom_hooks = [{{_base_.deepmot_hook}}]
