# Ablation: the DeepMOT twin's loss with dMOTA alone (lambda_motp=0).
_base_ = [
    './vanilla_siamrpn_r18-c16_1xb2-clip3-300it_pets09.py',
    '../_base_/deepmot_loss.py'
]

# the loss in place of the vanilla twin's deepmot_loss=None
model = dict(
    deepmot_loss=dict(
        _base_.deepmot_loss,
        _delete_=True,
        matcher=_base_.dhn_matcher,
        lambda_motp=0.0))
custom_hooks = [{{_base_.deepmot_hook}}]
