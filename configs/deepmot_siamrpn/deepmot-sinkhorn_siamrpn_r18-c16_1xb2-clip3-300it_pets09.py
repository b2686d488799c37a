# Ablation: the DeepMOT twin with the Sinkhorn matcher in place of the frozen
# DHN.
_base_ = [
    './vanilla_siamrpn_r18-c16_1xb2-clip3-300it_pets09.py',
    '../_base_/deepmot_loss.py'
]

# the loss in place of the vanilla twin's deepmot_loss=None
model = dict(
    deepmot_loss=dict(
        _base_.deepmot_loss,
        _delete_=True,
        matcher=dict(type='SinkhornMatcher')))
custom_hooks = [{{_base_.deepmot_hook}}]
