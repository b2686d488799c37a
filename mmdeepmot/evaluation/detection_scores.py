"""How a detector scores the boxes it is given: those that cover a person
against those that cover nobody.

A tracker that lets its detector's score decide births and survival (as
Tracktor lets its RoI head) fails on a camera whose people that detector
scores low. Matching the scored boxes to the ground truth tells whether a
threshold could separate them or the head does not know these people.
"""
from typing import Dict, List, Sequence

import numpy as np
import torch

from ..structures import box_iou

THRESHOLDS = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7)


def split_scores(boxes: np.ndarray, scores: np.ndarray, gt: np.ndarray,
                 iou_thr: float = 0.5) -> Dict[str, List[float]]:
    """One frame's scores of the boxes that overlap a person by
    ``iou_thr`` or more (``person``) and of the others (``nobody``).

    Args:
        boxes (np.ndarray): (N, 4) x1y1x2y2 boxes.
        scores (np.ndarray): (N, ) their scores.
        gt (np.ndarray): (M, 4) x1y1x2y2 boxes of the people counted.
        iou_thr (float): Defaults to 0.5.
    """
    if len(gt) and len(boxes):
        best = box_iou(torch.as_tensor(boxes, dtype=torch.float64),
                       torch.as_tensor(gt, dtype=torch.float64)).max(1)
        covers = best.values.numpy() >= iou_thr
    else:
        covers = np.zeros(len(boxes), dtype=bool)
    return dict(person=scores[covers].tolist(),
                nobody=scores[~covers].tolist())


def score_summary(person: Sequence[float], nobody: Sequence[float],
                  thresholds: Sequence[float] = THRESHOLDS) -> dict:
    """Counts of both groups' scores over each threshold, and quantiles
    (10, 25, 50, 75, 90 %) of the scores of boxes on a person."""
    person, nobody = np.asarray(person), np.asarray(nobody)
    quantiles = (0.1, 0.25, 0.5, 0.75, 0.9)
    return dict(
        person=len(person), nobody=len(nobody),
        over={str(t): dict(person=int((person > t).sum()),
                           nobody=int((nobody > t).sum()))
              for t in thresholds},
        person_quantiles={str(q): float(np.quantile(person, q))
                          for q in quantiles} if len(person) else {})
