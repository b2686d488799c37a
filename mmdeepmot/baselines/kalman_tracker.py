"""A Kalman-filter tracker on public detections, in the manner of
SORT/ByteTrack, built from MMTracking's own parts: its ``ByteTracker``
(two-stage IoU association of high- and low-score boxes with tracks
predicted by a constant-velocity Kalman filter, tentative births) and its
``KalmanFilter``. No images are read: the tracker is fed MOTChallenge
detection rows, so it runs on any detector's public boxes."""
from typing import Dict, Optional

import numpy as np

# ByteTrack's association thresholds as MMTracking's ByteTrack MOT17 config
# sets them; score thresholds are in units of the scores after
# ``score_scale``
BYTE_TRACKER_CFG = dict(
    obj_score_thrs=dict(high=0.6, low=0.1),
    init_track_thr=0.7,
    weight_iou_with_det_scores=True,
    match_iou_thrs=dict(high=0.1, low=0.5, tentative=0.3),
    num_tentatives=3,
    num_frames_retain=30)


class _MotionOnly:
    """What ``ByteTracker.track`` reads of its model: the motion model."""

    def __init__(self) -> None:
        from mmtrack.models.motion import KalmanFilter
        self.motion = KalmanFilter()


def kalman_track(det: np.ndarray,
                 frames: range,
                 score_scale: float = 1.0,
                 tracker_cfg: Optional[Dict] = None) -> np.ndarray:
    """Track MOTChallenge detections (frame, -1, x, y, w, h, score, ...)
    over ``frames`` with MMTracking's ``ByteTracker`` and Kalman filter.

    Args:
        det (np.ndarray): detection rows; rows outside ``frames`` are
            ignored.
        frames (range): the MOT frame numbers to track (1-based, e.g.
            ``subset_frames('half-val', length)``); the tracker starts
            afresh at the first.
        score_scale (float): detection scores are divided by it and
            clipped to [0, 1] (ByteTrack weighs IoU by score), e.g. 100 for
            MOT15's ACF scores of roughly 0-150. Defaults to 1.
        tracker_cfg (dict, optional): ``ByteTracker`` options that replace
            ``BYTE_TRACKER_CFG``'s (nested dicts replaced whole).

    Returns:
        np.ndarray: MOTChallenge result rows (frame, id, x, y, w, h,
        score), ids from 1, scores after ``score_scale``.
    """
    import torch
    from mmengine.structures import InstanceData
    from mmtrack.registry import MODELS
    from mmtrack.structures import TrackDataSample
    from mmtrack.utils import register_all_modules
    if not score_scale > 0:
        raise ValueError(f'score_scale must be > 0, got {score_scale}')
    register_all_modules(init_default_scope=False)
    cfg = dict(BYTE_TRACKER_CFG, **(tracker_cfg or {}))
    tracker = MODELS.build(dict(type='mmtrack.ByteTracker', **cfg))
    model = _MotionOnly()
    out = []
    for index, frame in enumerate(frames):
        rows = det[det[:, 0] == frame]
        boxes = np.concatenate([rows[:, 2:4], rows[:, 2:4] + rows[:, 4:6]],
                               1) if len(rows) else np.zeros((0, 4))
        sample = TrackDataSample(metainfo=dict(frame_id=index))
        sample.pred_det_instances = InstanceData(
            bboxes=torch.as_tensor(boxes, dtype=torch.float32),
            labels=torch.zeros(len(rows), dtype=torch.long),
            scores=torch.as_tensor(
                np.clip(rows[:, 6] / score_scale, 0, 1),
                dtype=torch.float32))
        pred = tracker.track(model=model, img=None, feats=None,
                             data_sample=sample)
        for box, score, track_id in zip(pred.bboxes.numpy(),
                                        pred.scores.numpy(),
                                        pred.instances_id.numpy()):
            x1, y1, x2, y2 = box
            out.append([frame, int(track_id) + 1, x1, y1, x2 - x1, y2 - y1,
                        score])
    return np.array(out, dtype=np.float64).reshape(-1, 7)
