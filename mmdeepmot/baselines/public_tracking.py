"""Run a baseline tracker on the public detections of a MOTChallenge split,
score it, and choose its options on another subset of frames.

The trackers read ``det/det.txt`` only (no images), so they run on any
labels tree: the real MOT17 labels, PETS09-S2L1, the toy set."""
import itertools
import os
import os.path as osp
import shutil
from collections import defaultdict
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from ..datasets import mot_challenge_io as mot_io
from ..evaluation import trackeval_mot
from .iou_tracker import iou_track
from .kalman_tracker import BYTE_TRACKER_CFG, kalman_track


def _iou(det: np.ndarray, frames: range, **options) -> np.ndarray:
    det = det[(det[:, 0] >= frames.start) & (det[:, 0] < frames.stop)]
    return iou_track(det, frames.stop - 1, **options)


def _kalman(det: np.ndarray, frames: range, score_scale: float = 1.0,
            **options) -> np.ndarray:
    cfg: Dict[str, object] = {}
    for key, value in options.items():  # 'obj_score_thrs.high' -> nested
        *parents, last = key.split('.')
        target = cfg
        for name in parents:
            target = target.setdefault(name, {})
        target[last] = value
    for key in ('obj_score_thrs', 'match_iou_thrs'):
        if key in cfg:  # a partial dict keeps the default's other keys
            cfg[key] = dict(BYTE_TRACKER_CFG[key], **cfg[key])
    return kalman_track(det, frames, score_scale, cfg)


# name -> function(det, frames, **options) -> result rows
TRACKERS: Dict[str, Callable[..., np.ndarray]] = dict(iou=_iou,
                                                      kalman=_kalman)


def check_result_dir(out: str, seqs: Sequence[str]) -> None:
    """Make ``out`` and refuse it when it holds anything but result files
    of ``seqs`` (which are replaced): nothing stale is scored."""
    os.makedirs(out, exist_ok=True)
    stale = sorted(set(os.listdir(out)) - {f'{s}.txt' for s in seqs})
    if stale:
        raise FileExistsError(
            f'{out} holds files that are not results of these sequences '
            f'({stale[:3]}...); choose an empty folder')


def track_split(split_dir: str,
                out: str,
                tracker: str = 'iou',
                subset: str = 'train',
                options: Optional[Dict[str, object]] = None) -> List[str]:
    """Track every sequence of ``split_dir`` on its public detections and
    write ``out/SEQ.txt``; returns the sequence names.

    Args:
        split_dir (str): e.g. ``data/PETS09/train``.
        out (str): result folder (empty, or results of these sequences).
        tracker (str): a key of ``TRACKERS``. Defaults to ``'iou'``.
        subset (str): frames to track (``mot_challenge_io.SUBSETS``).
            Defaults to ``'train'`` (all).
        options (dict, optional): the tracker's keyword options.
    """
    if tracker not in TRACKERS:
        raise ValueError(f'tracker must be one of {sorted(TRACKERS)}, got '
                         f'{tracker!r}')
    seqs = mot_io.list_sequences(split_dir)
    check_result_dir(out, seqs)
    for seq in seqs:
        seq_dir = osp.join(split_dir, seq)
        length = int(mot_io.read_seqinfo(seq_dir)['seqLength'])
        det = mot_io.read_mot_txt(osp.join(seq_dir, 'det', 'det.txt'), 'det')
        rows = TRACKERS[tracker](det, mot_io.subset_frames(subset, length),
                                 **(options or {}))
        mot_io.write_mot_txt(osp.join(out, f'{seq}.txt'), rows, 'result')
    return seqs


def score_split(split_dir: str, out: str, seqs: Sequence[str],
                subset: str) -> Tuple[dict, dict, dict]:
    """(per sequence, overall, per detector) figures of ``out``; sequences
    named like MOT17's variants (``NAME-DPM``, ``-FRCNN``, ``-SDP``) are
    also scored per detector when every detector has several."""
    per_seq, overall = trackeval_mot.evaluate_mot_results(
        split_dir, out, list(seqs), subset=subset)
    groups = defaultdict(list)
    for seq in seqs:
        groups[seq.rsplit('-', 1)[-1]].append(seq)
    per_detector = {}
    if len(groups) > 1 and all(len(g) > 1 for g in groups.values()):
        for name, members in sorted(groups.items()):
            per_detector[name] = trackeval_mot.evaluate_mot_results(
                split_dir, out, members, subset=subset)[1]
    return per_seq, overall, per_detector


def tune(split_dir: str,
         work_dir: str,
         tracker: str,
         subset: str,
         grid: Dict[str, list],
         base: Optional[Dict[str, object]] = None,
         metric: str = 'MOTA') -> List[dict]:
    """Every setting of ``grid`` (the product of its value lists, over
    ``base``) tracked and scored on ``subset``; rows best first by
    ``metric``. Result folders live under ``work_dir`` (replaced)."""
    keys = sorted(grid)
    rows = []
    if osp.isdir(work_dir):
        shutil.rmtree(work_dir)
    for i, values in enumerate(itertools.product(*(grid[k] for k in keys))):
        options = dict(base or {}, **dict(zip(keys, values)))
        out = osp.join(work_dir, f'setting_{i}')
        seqs = track_split(split_dir, out, tracker, subset, options)
        overall = trackeval_mot.evaluate_mot_results(
            split_dir, out, seqs, subset=subset)[1]
        rows.append(dict(options=options, metrics=overall))
    return sorted(rows, key=lambda r: -r['metrics'][metric])
