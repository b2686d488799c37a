# DeepMOT-Tracktor on 8-frame clips: the vanilla twin
# (vanilla_tracktor_mbv2-fpn_1xb1-clip8-600it_pets09.py) plus the DeepMOT
# loss without identity terms, which
# deepmot-identity_tracktor_mbv2-fpn_1xb1-clip8-600it_pets09.py is measured
# against (docs/identity_loss.md).
_base_ = [
    './vanilla_tracktor_mbv2-fpn_1xb1-clip8-600it_pets09.py',
    '../_base_/deepmot_loss.py'
]

# the loss in place of the vanilla twin's deepmot_loss=None
model = dict(
    deepmot_loss=dict(
        _base_.deepmot_loss, _delete_=True, matcher=_base_.dhn_matcher))
custom_hooks = [{{_base_.deepmot_hook}}]
