# The 8-frame DeepMOT twin plus the identity terms 1 - dIDF1 and 1 - dHOTA
# (docs/identity_loss.md).
_base_ = [
    './vanilla_tracktor_mbv2-fpn_1xb1-clip8-600it_pets09.py',
    '../_base_/deepmot_loss.py'
]

# the loss in place of the vanilla twin's deepmot_loss=None
model = dict(
    deepmot_loss=dict(
        _base_.deepmot_loss,
        _delete_=True,
        matcher=_base_.dhn_matcher,
        lambda_idf1=1.0,
        lambda_hota=1.0))
custom_hooks = [{{_base_.deepmot_hook}}]
