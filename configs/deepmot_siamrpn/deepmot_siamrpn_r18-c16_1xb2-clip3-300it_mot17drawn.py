# DeepMOT-SiamRPN on the drawn MOT17: the GPU recipe at CPU size, the vanilla
# twin plus the DeepMOT loss (the paper's DHN as matcher).
_base_ = [
    './vanilla_siamrpn_r18-c16_1xb2-clip3-300it_mot17drawn.py',
    '../_base_/deepmot_loss.py'
]

# the loss in place of the vanilla twin's deepmot_loss=None
model = dict(
    deepmot_loss=dict(
        _base_.deepmot_loss, _delete_=True, matcher=_base_.dhn_matcher))
custom_hooks = [{{_base_.deepmot_hook}}]
