# Ablation: the DeepMOT twin with the one-pass dual-softmax matcher in place of
# the frozen DHN.
_base_ = [
    './vanilla_tracktor_r18-c16-fpn_1xb2-clip3-600it_pets09.py',
    '../_base_/deepmot_loss.py'
]

# the loss in place of the vanilla twin's deepmot_loss=None
model = dict(
    deepmot_loss=dict(
        _base_.deepmot_loss,
        _delete_=True,
        matcher=dict(type='DualSoftmaxMatcher')))
custom_hooks = [{{_base_.deepmot_hook}}]
