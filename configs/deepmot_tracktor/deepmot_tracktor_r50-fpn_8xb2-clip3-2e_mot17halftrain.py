# DeepMOT-Tracktor on MOT17 (half-train-fit -> half-val), for a GPU machine
# with the data set (see README, "MOT17 on a GPU").
# MMTracking's Tracktor (Faster R-CNN R50-FPN and ReID R50 trained on MOT17
# half-train, loaded through init_cfg) fine-tuned on 3-frame clips with the
# DeepMOT loss (Sinkhorn matcher, the base's default; the paper's DHN is
# _base_.dhn_matcher) plus the detector's own losses.
_base_ = [
    '../_base_/tracktor_clips_mot17halftrain.py', '../_base_/deepmot_loss.py'
]

model = dict(deepmot_loss=dict(_base_.deepmot_loss, _delete_=True))
custom_hooks = [{{_base_.deepmot_hook}}]
