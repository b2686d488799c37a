"""Distance matrices from realistic boxes, labelled by the Hungarian method.

Each sample is one frame of a simulated tracker: ground-truth boxes (drawn
synthetically, or taken from a real annotation file such as motmetrics'
TUD ``gt.txt``) and predicted tracks made from them by shifting, rescaling,
dropping (missed objects) and adding false positives. The DeepMOT distance
``D`` (tracks x objects) of the two sets is the input; the label is scipy's
``linear_sum_assignment`` of ``D`` as a 0/1 matrix.
"""
import os.path as osp
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch
from mmtrack.registry import DATASETS
from scipy.optimize import linear_sum_assignment
from torch.utils.data import Dataset

from ..structures import deepmot_distance, image_diagonal
from .mot_challenge_io import (MOTFormatError, read_gt, read_mot_txt,
                               read_seqinfo)

Frames = List[np.ndarray]  # each [K, 4] xyxy boxes of one annotated frame


def motmetrics_data_file(seq: str) -> str:
    """Path of a ``gt.txt`` that ships with motmetrics (TUD-Campus, ...)."""
    import motmetrics
    return osp.join(osp.dirname(motmetrics.__file__), 'data', seq, 'gt.txt')


def _xyxy(xywh: np.ndarray) -> np.ndarray:
    """MOTChallenge (left, top, width, height) boxes as (x1, y1, x2, y2)."""
    return np.concatenate([xywh[:, :2], xywh[:, :2] + xywh[:, 2:]], 1)


def load_gt_frames(path: str, min_boxes: int = 1) -> Frames:
    """Boxes of every frame of a MOTChallenge ``gt.txt`` as xyxy arrays.

    Rows the benchmark does not count (``conf`` 0: ignored regions,
    vehicles, reflections ... in MOT16/17) are left out.
    """
    try:
        table = read_gt(path)
    except MOTFormatError as err:
        raise ValueError(f'{path}: not a MOTChallenge gt file ({err})')
    table = table[table[:, 6] != 0]
    frames = []
    for frame in np.unique(table[:, 0]):
        rows = table[table[:, 0] == frame, 2:6]
        if len(rows) >= min_boxes:
            frames.append(_xyxy(rows))
    return frames


def hungarian_labels(dist: np.ndarray) -> np.ndarray:
    """0/1 matrix of the minimum-cost assignment of ``dist``."""
    label = np.zeros_like(dist, dtype=np.float32)
    if dist.size:
        rows, cols = linear_sum_assignment(dist)
        label[rows, cols] = 1.0
    return label


def synthetic_people(rng: np.random.Generator, num: int, img_w: float,
                     img_h: float) -> np.ndarray:
    """Pedestrian-like boxes, partly crowded, in an ``img_w x img_h`` frame."""
    heights = np.exp(rng.uniform(np.log(img_h * 0.06), np.log(img_h * 0.5),
                                 num))
    widths = heights * rng.uniform(0.3, 0.5, num)
    # people cluster in groups, so that boxes overlap as in real crowds
    num_groups = max(1, int(rng.integers(1, max(2, num // 3) + 1)))
    centres = rng.uniform([0, img_h * 0.3], [img_w, img_h], (num_groups, 2))
    group = rng.integers(0, num_groups, num)
    spread = rng.uniform(0.02, 0.25) * img_w
    cx = centres[group, 0] + rng.normal(0, spread, num)
    cy = centres[group, 1] + rng.normal(0, spread * 0.3, num)
    cx = np.clip(cx, 0, img_w)
    cy = np.clip(cy, heights / 2, img_h)
    return np.stack([cx - widths / 2, cy - heights, cx + widths / 2, cy],
                    axis=1)


def perturb_tracks(rng: np.random.Generator, gt: np.ndarray, img_w: float,
                   img_h: float, max_rows: int) -> np.ndarray:
    """Predicted tracks from ground truth: noise, misses, false positives."""
    n = len(gt)
    keep = rng.random(n) < rng.uniform(0.6, 1.0)
    boxes = gt[keep]
    sigma = rng.uniform(0.02, 0.35)
    w = boxes[:, 2] - boxes[:, 0]
    h = boxes[:, 3] - boxes[:, 1]
    cx = (boxes[:, 0] + boxes[:, 2]) / 2 + rng.normal(0, sigma, len(w)) * w
    cy = (boxes[:, 1] + boxes[:, 3]) / 2 + rng.normal(0, sigma, len(w)) * h
    scale = np.exp(rng.normal(0, sigma * 0.5, (len(w), 2)))
    w, h = w * scale[:, 0], h * scale[:, 1]
    tracks = [np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], 1)]
    num_fp = int(rng.poisson(rng.uniform(0, 0.3) * n + 0.2))
    if num_fp:
        # half the false positives lie near real objects (duplicates)
        near = rng.random(num_fp) < 0.5
        fp = synthetic_people(rng, num_fp, img_w, img_h)
        if n:
            src = gt[rng.integers(0, n, num_fp)]
            size = src[:, 2:] - src[:, :2]
            jitter = rng.normal(0, 0.5, (num_fp, 1)) * size
            dup = src + np.concatenate([jitter, jitter], axis=1)
            fp[near] = dup[near]
        tracks.append(fp)
    tracks = np.concatenate(tracks, axis=0)
    if len(tracks) == 0:
        tracks = synthetic_people(rng, 1, img_w, img_h)
    tracks = tracks[rng.permutation(len(tracks))[:max_rows]]
    return tracks


@DATASETS.register_module()
class DistanceMatrixDataset(Dataset):
    """Seeded DeepMOT distance matrices with Hungarian labels.

    Item ``i`` is generated from ``(seed, i)`` alone, so a split is fixed by
    its seed. Consecutive items in groups of ``group_size`` share a size
    range, which lets an unshuffled loader batch similar sizes together (the
    RNN's cost is set by the longest matrix of a batch).

    Args:
        length: number of items.
        seed: seed of the split.
        min_size / max_size: range of the number of ground-truth objects
            (columns); the number of tracks (rows) follows from the
            perturbation and is capped at ``max_size``.
        real_prob: probability of drawing the ground truth from
            ``real_gt_files`` (when given) instead of synthetic people.
        real_gt_files: MOTChallenge ``gt.txt`` files (relative to
            ``data_root`` when given); ``'motmetrics:SEQ'`` names one that
            ships with motmetrics.
        data_root: folder of the relative ``real_gt_files``.
        img_size: (width, height) of synthetic frames; real files use the
            size of their annotated extent.
        group_size: items per size group.
    """

    def __init__(self,
                 length: int = 10000,
                 seed: int = 0,
                 min_size: int = 1,
                 max_size: int = 30,
                 real_prob: float = 0.3,
                 real_gt_files: Sequence[str] = ('motmetrics:TUD-Campus',
                                                 'motmetrics:TUD-Stadtmitte'),
                 img_size: Tuple[int, int] = (1920, 1080),
                 group_size: int = 1,
                 data_root: Optional[str] = None) -> None:
        if not 1 <= min_size <= max_size:
            raise ValueError(f'need 1 <= min_size <= max_size, got '
                             f'{min_size}, {max_size}')
        self.length = length
        self.seed = seed
        self.min_size = min_size
        self.max_size = max_size
        self.real_prob = real_prob if real_gt_files else 0.0
        self.img_size = img_size
        self.group_size = max(1, group_size)
        self.real_frames: List[Tuple[Frames, float, float]] = []
        for path in real_gt_files:
            if path.startswith('motmetrics:'):
                path = motmetrics_data_file(path.split(':', 1)[1])
            elif data_root is not None:
                path = osp.join(data_root, path)
            frames = load_gt_frames(path)
            allb = np.concatenate(frames)
            self.real_frames.append(
                (frames, float(allb[:, 2].max()), float(allb[:, 3].max())))

    def __len__(self) -> int:
        return self.length

    def _ground_truth(self, rng: np.random.Generator,
                      num: int) -> Tuple[np.ndarray, float, float]:
        if self.real_frames and rng.random() < self.real_prob:
            frames, img_w, img_h = self.real_frames[rng.integers(
                len(self.real_frames))]
            gt = frames[rng.integers(len(frames))]
            if len(gt) > num:
                gt = gt[rng.choice(len(gt), num, replace=False)]
            elif len(gt) < num:  # fill a crowded frame with synthetic people
                gt = np.concatenate(
                    [gt, synthetic_people(rng, num - len(gt), img_w, img_h)])
            return gt, img_w, img_h
        img_w, img_h = self.img_size
        return synthetic_people(rng, num, img_w, img_h), img_w, img_h

    def sample(self, index: int) -> Dict[str, np.ndarray]:
        """Boxes, distance matrix and labels of item ``index`` (numpy)."""
        group_rng = np.random.default_rng([self.seed, index // self.group_size,
                                           1])
        hi = int(group_rng.integers(self.min_size, self.max_size + 1))
        lo = max(self.min_size, hi - max(2, hi // 4))
        rng = np.random.default_rng([self.seed, index])
        num = int(rng.integers(lo, hi + 1))
        gt, img_w, img_h = self._ground_truth(rng, num)
        gt = gt[rng.permutation(len(gt))]
        tracks = perturb_tracks(rng, gt, img_w, img_h, self.max_size)
        dist = deepmot_distance(
            torch.from_numpy(tracks).float(),
            torch.from_numpy(gt).float(), image_diagonal(img_h,
                                                         img_w)).numpy()
        return dict(
            tracks=tracks, gt=gt, dist=dist, label=hungarian_labels(dist))

    def __getitem__(self, index: int) -> Dict[str, torch.Tensor]:
        if not 0 <= index < self.length:
            raise IndexError(f'index {index} out of range [0, {self.length})')
        item = self.sample(index)
        return dict(
            dist=torch.from_numpy(item['dist']),
            label=torch.from_numpy(item['label']))


def size_band_dataset(lo: int, hi: int, length: int, seed: int,
                      **kwargs) -> DistanceMatrixDataset:
    """Held-out matrices whose object count lies in ``[lo, hi]``."""
    return DistanceMatrixDataset(
        length=length, seed=seed, min_size=lo, max_size=hi, **kwargs)


def public_detection_matrices(seq_dir: str, every: int = 1,
                              ) -> List[Dict[str, np.ndarray]]:
    """Real matrices of a MOTChallenge sequence: its public detections
    (``det/det.txt``, rows) against its counted ground truth
    (``gt/gt.txt``, ``conf`` 1, columns), DeepMOT distances over the
    diagonal of ``seqinfo.ini``'s image size, Hungarian labels; every
    ``every``-th frame from the first, frames with no ground truth or no
    detection left out."""
    info = read_seqinfo(seq_dir)
    gt = read_gt(osp.join(seq_dir, 'gt', 'gt.txt'))
    gt = gt[gt[:, 6] != 0]
    det = read_mot_txt(osp.join(seq_dir, 'det', 'det.txt'), 'det')
    diag = image_diagonal(info['imHeight'], info['imWidth'])
    items = []
    for frame in range(1, info['seqLength'] + 1, every):
        objs, dets = gt[gt[:, 0] == frame, 2:6], det[det[:, 0] == frame, 2:6]
        if not len(objs) or not len(dets):
            continue
        xyxy = [torch.from_numpy(_xyxy(b)).float() for b in (dets, objs)]
        dist = deepmot_distance(xyxy[0], xyxy[1], diag).numpy()
        items.append(dict(dist=dist, label=hungarian_labels(dist),
                          frame=frame))
    return items
