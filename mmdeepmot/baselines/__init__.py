"""Baselines to compare the DeepMOT trackers with: the IoU tracker and a
Kalman-filter tracker (MMTracking's ByteTracker) on public detections, and
the replay of MOTChallenge result files through MMTracking's test loop
(``configs/baselines/replay-results_toy.py`` imports it)."""
from .iou_tracker import iou_track
from .kalman_tracker import kalman_track
from .result_replay import MOTResultReplay

__all__ = ['iou_track', 'kalman_track', 'MOTResultReplay']
