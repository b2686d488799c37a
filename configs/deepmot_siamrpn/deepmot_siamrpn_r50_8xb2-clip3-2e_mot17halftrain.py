# DeepMOT-SiamRPN on MOT17 (half-train-fit -> half-val, public detections),
# for a GPU machine with the data set (see README, "MOT17 on a GPU").
# MMTracking's SiamRPN++ as a multi-object tracker
# (_base_/siamrpn_clips_mot17halftrain.py) fine-tuned on 3-frame clips with the
# DeepMOT loss (Sinkhorn matcher, the base's default; the paper's DHN is
# _base_.dhn_matcher) plus SiamRPN's own loss.
_base_ = [
    '../_base_/siamrpn_clips_mot17halftrain.py', '../_base_/deepmot_loss.py'
]

model = dict(deepmot_loss=dict(_base_.deepmot_loss, _delete_=True))
custom_hooks = [{{_base_.deepmot_hook}}]
