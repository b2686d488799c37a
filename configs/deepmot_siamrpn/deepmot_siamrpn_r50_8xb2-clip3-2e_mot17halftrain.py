# DeepMOT-SiamRPN on MOT17 for a GPU (README, "MOT17 on a GPU"): MMTracking's
# SiamRPN++ as a multi-object tracker, fine-tuned with the DeepMOT loss.
_base_ = [
    '../_base_/siamrpn_clips_mot17halftrain.py', '../_base_/deepmot_loss.py'
]

model = dict(deepmot_loss=dict(_base_.deepmot_loss, _delete_=True))
custom_hooks = [{{_base_.deepmot_hook}}]
