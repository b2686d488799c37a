"""A simple IoU tracker on public detections: the baseline of the data set."""
from typing import Dict, List

import numpy as np
from scipy.optimize import linear_sum_assignment

from ..structures import box_iou


def iou_track(det: np.ndarray,
              num_frames: int,
              min_score: float = 0.5,
              min_iou: float = 0.3,
              max_age: int = 3,
              min_hits: int = 2) -> np.ndarray:
    """Link MOTChallenge detections (frame, -1, x, y, w, h, score, ...) into
    tracks by Hungarian matching on IoU with each track's last box.

    A track survives ``max_age`` frames without a detection (and is not
    reported then); it is reported from its ``min_hits``-th detection on.
    Returns MOTChallenge result rows (frame, id, x, y, w, h, score).
    """
    import torch
    tracks: List[Dict] = []
    next_id = 1
    out = []
    for frame in range(1, num_frames + 1):
        rows = det[(det[:, 0] == frame) & (det[:, 6] >= min_score)]
        boxes = np.concatenate([rows[:, 2:4], rows[:, 2:4] + rows[:, 4:6]],
                               1) if len(rows) else np.zeros((0, 4))
        matched_det = set()
        if tracks and len(boxes):
            last = np.stack([t['box'] for t in tracks])
            iou = box_iou(torch.from_numpy(last),
                          torch.from_numpy(boxes)).numpy()
            for i, j in zip(*linear_sum_assignment(-iou)):
                if iou[i, j] >= min_iou:
                    tracks[i].update(box=boxes[j], age=0,
                                     hits=tracks[i]['hits'] + 1,
                                     score=rows[j, 6])
                    matched_det.add(j)
        for j in range(len(boxes)):
            if j not in matched_det:
                tracks.append(dict(id=next_id, box=boxes[j], age=0, hits=1,
                                   score=rows[j, 6]))
                next_id += 1
        for t in tracks:
            if t['age'] == 0 and t['hits'] >= min_hits:
                x1, y1, x2, y2 = t['box']
                out.append([frame, t['id'], x1, y1, x2 - x1, y2 - y1,
                            t['score']])
        for t in tracks:
            t['age'] += 1
        tracks = [t for t in tracks if t['age'] <= max_age]
    return np.array(out).reshape(-1, 7)
