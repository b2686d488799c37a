# DeepMOT-SiamRPN on the generated set: the vanilla twin plus the DeepMOT loss
# through the frozen, shipped DHN.
_base_ = [
    './vanilla_siamrpn_r18-c16_1xb2-clip3-300it_toy.py',
    '../_base_/deepmot_loss.py'
]

# the paper's DHN, as the study's results (not the base's Sinkhorn)
model = dict(
    deepmot_loss=dict(type='DeepMOTLoss', matcher={{_base_.dhn_matcher}}))
custom_hooks = [{{_base_.deepmot_hook}}]
