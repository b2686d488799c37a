"""Where a tracker's identities break: what each identity switch took
the person over from.

CLEAR MOT counts a switch when a person's box is matched to another id
than before. Which id that is tells which part of the tracker erred:

- ``new_id``: an id seen for the first time: the tracker lost the person
  and its birth took them up under a new id (no recovery rule matched);
- ``resumed``: an id the result did not have in the frame before, taken
  up again on this person: a recovery rule (ReID, position) or a
  template that came back chose the wrong person;
- ``drift``: an id that followed another person in the frame before: the
  network's regression or search carried a live track across;
- ``live_unmatched``: a live id that covered nobody in the frame before
  (a false positive or a box between people) moved onto this person.
"""
from typing import Dict, Optional

import motmetrics as mm
import numpy as np
import torch

from ..datasets.mot_challenge_io import rows_xyxy
from ..structures import box_iou
from .miss_breakdown import read_aligned

CAUSES = ('new_id', 'resumed', 'drift', 'live_unmatched')


def _accumulate(gt: np.ndarray, res: np.ndarray,
                iou_thr: float) -> mm.MOTAccumulator:
    """CLEAR MOT's frame-by-frame matching (motmetrics) at IoU
    ``iou_thr``."""
    acc = mm.MOTAccumulator(auto_id=False)
    for frame in np.unique(np.concatenate([gt[:, 0], res[:, 0]])):
        g, r = gt[gt[:, 0] == frame], res[res[:, 0] == frame]
        dist = np.full((len(g), len(r)), np.nan)
        if len(g) and len(r):
            iou = box_iou(torch.from_numpy(rows_xyxy(g)),
                          torch.from_numpy(rows_xyxy(r))).numpy()
            dist = np.where(iou >= iou_thr, 1.0 - iou, np.nan)
        acc.update(g[:, 1].astype(int).tolist(),
                   r[:, 1].astype(int).tolist(), dist, frameid=int(frame))
    return acc


def identity_breaks(gt_file: str, result_file: str, iou_thr: float = 0.5,
                    frame_shift: Optional[int] = None) -> Dict[str, int]:
    """A tracker's identity switches by what the new id was doing the
    frame before (module docstring), and its fragmentations.

    Args:
        gt_file (str): the ground truth (MOT15, 16 or 17 columns); rows
            with a zero ``conf`` are not counted.
        result_file (str): the tracker's MOTChallenge result.
        iou_thr (float): IoU at which a box covers a person. Defaults to
            0.5 (MOTChallenge's).
        frame_shift (int, optional): added to the result's frame numbers
            (see ``read_aligned``). Defaults to None.

    Returns:
        dict: ``IDSw`` and ``Frag`` (motmetrics' counts, which can differ
        by a few from TrackEval's), one count per cause in ``CAUSES``
        (they add up to ``IDSw``) and ``frame_shift``.
    """
    gt, res, frame_shift = read_aligned(gt_file, result_file, frame_shift)
    acc = _accumulate(gt, res, iou_thr)
    events = acc.mot_events.reset_index()
    frames = sorted(events['FrameId'].unique())
    previous = dict(zip(frames[1:], frames[:-1]))
    present = {int(f): set(res[res[:, 0] == f, 1].astype(int))
               for f in frames}
    first_seen = {}
    for f, i in zip(res[:, 0].astype(int), res[:, 1].astype(int)):
        first_seen[i] = min(f, first_seen.get(i, f))
    matched = events[events['Type'].isin(['MATCH', 'SWITCH'])]
    covers = {(int(f), int(h)): int(o) for f, h, o in zip(
        matched['FrameId'], matched['HId'], matched['OId'])}

    counts = dict.fromkeys(CAUSES, 0)
    for f, o, h in zip(*(events.loc[events['Type'] == 'SWITCH', k]
                         for k in ('FrameId', 'OId', 'HId'))):
        f, o, h = int(f), int(o), int(h)
        before = previous.get(f)
        if first_seen[h] == f:
            counts['new_id'] += 1
        elif before is None or h not in present[int(before)]:
            counts['resumed'] += 1
        elif covers.get((int(before), h), o) != o:
            counts['drift'] += 1
        else:
            counts['live_unmatched'] += 1
    summary = mm.metrics.create().compute(
        acc, metrics=['num_switches', 'num_fragmentations'])
    return dict(IDSw=int(summary['num_switches'].iloc[0]),
                Frag=int(summary['num_fragmentations'].iloc[0]),
                **counts, frame_shift=frame_shift)
