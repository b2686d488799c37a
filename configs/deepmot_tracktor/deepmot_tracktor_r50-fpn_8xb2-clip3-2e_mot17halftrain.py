# DeepMOT-Tracktor on MOT17 for a GPU (README, "MOT17 on a GPU"): MMTracking's
# Tracktor fine-tuned on 3-frame clips with the DeepMOT loss.
_base_ = [
    '../_base_/tracktor_clips_mot17halftrain.py', '../_base_/deepmot_loss.py'
]

model = dict(deepmot_loss=dict(_base_.deepmot_loss, _delete_=True))
custom_hooks = [{{_base_.deepmot_hook}}]
