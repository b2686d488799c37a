"""Where a tracker's misses lie: under a public detection or not.

A tracker that births and keeps tracks from public detections can recover
a missed person a detection covers by its rules (thresholds, association);
one that no detection covers only by regression or motion. Splitting the
misses that way tells which of the two a gap between trackers comes from.
"""
from typing import Dict, Optional, Tuple

import numpy as np
import torch

from deepmot.matchers.hungarian import min_cost_assignment
from ..datasets.mot_challenge_io import gt_flavour, read_mot_txt, rows_xyxy
from ..structures import box_iou


def _matched(gt: np.ndarray, other: np.ndarray, iou_thr: float) -> np.ndarray:
    """Which ground-truth boxes one-to-one IoU matching covers."""
    if not len(gt) or not len(other):
        return np.zeros(len(gt), dtype=bool)
    iou = box_iou(torch.from_numpy(gt), torch.from_numpy(other)).numpy()
    covered = np.zeros(len(gt), dtype=bool)
    rows, cols = min_cost_assignment(1.0 - iou)
    keep = iou[rows, cols] >= iou_thr
    covered[rows[keep]] = True
    return covered


def read_aligned(gt_file: str, result_file: str,
                 frame_shift: Optional[int] = None
                 ) -> Tuple[np.ndarray, np.ndarray, int]:
    """The counted ground truth (``conf`` not 0) and a tracker's result
    rows on the same frame numbers, and the shift added to the result's
    (``frame_shift``; None: 0, or, when the result starts at frame 1 and
    the ground truth later, a subset numbered from 1, the ground truth's
    first frame minus 1)."""
    gt = read_mot_txt(gt_file, gt_flavour(gt_file))
    gt = gt[gt[:, 6] > 0]
    res = read_mot_txt(result_file, 'result')
    if frame_shift is None:
        first_gt = int(gt[:, 0].min()) if len(gt) else 1
        first_res = int(res[:, 0].min()) if len(res) else 1
        frame_shift = first_gt - 1 if first_res == 1 < first_gt else 0
    res = res.copy()
    res[:, 0] += frame_shift
    return gt, res, frame_shift


def miss_breakdown(gt_file: str, det_file: str, result_file: str,
                   iou_thr: float = 0.5,
                   frame_shift: Optional[int] = None) -> Dict[str, float]:
    """Misses of a tracker's result, split by public-detection cover.

    Frame by frame, ground truth (rows with a zero ``conf`` are not
    counted) is matched one to one with the result's boxes and, apart, with
    the public detections, at IoU ``iou_thr``. The count of misses is
    per-frame matching's, close to but not always CLEAR MOT's (which keeps
    earlier matches).

    Args:
        gt_file (str): the ground truth (MOT15, 16 or 17 columns), e.g. a
            ``gt_half-val.txt``.
        det_file (str): the public detections (all scores counted).
        result_file (str): the tracker's MOTChallenge result.
        iou_thr (float): IoU at which a box covers a person. Defaults to
            0.5 (MOTChallenge's).
        frame_shift (int, optional): added to the result's frame numbers.
            Defaults to None: 0, or, when the result starts at frame 1 and
            the ground truth later (a subset numbered from 1), the ground
            truth's first frame minus 1.

    Returns:
        dict: ``gt`` (boxes), ``FN``, ``FN_under_detection`` and
        ``FN_without_detection`` (misses a detection covers or not),
        ``gt_without_detection`` (boxes no detection covers) and
        ``frame_shift``.
    """
    gt, res, frame_shift = read_aligned(gt_file, result_file, frame_shift)
    dets = read_mot_txt(det_file, 'det')
    out = dict(gt=0, FN=0, FN_under_detection=0, FN_without_detection=0,
               gt_without_detection=0)
    for frame in np.unique(gt[:, 0]):
        boxes = rows_xyxy(gt[gt[:, 0] == frame])
        tracked = _matched(boxes, rows_xyxy(res[res[:, 0] == frame]),
                           iou_thr)
        detected = _matched(boxes, rows_xyxy(dets[dets[:, 0] == frame]),
                            iou_thr)
        out['gt'] += len(boxes)
        out['FN'] += int((~tracked).sum())
        out['FN_under_detection'] += int((~tracked & detected).sum())
        out['FN_without_detection'] += int((~tracked & ~detected).sum())
        out['gt_without_detection'] += int((~detected).sum())
    out['frame_shift'] = frame_shift
    return out
