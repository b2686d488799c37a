"""CLEAR MOT figures, exact (motmetrics' algorithm) or soft (DeepMOT)."""
from typing import Dict, Optional, Sequence

import numpy as np
import torch
from motmetrics.lap import linear_sum_assignment as mm_assignment
from torch import Tensor

from ..models.losses import frame_distance, iou_gate, soft_frame_counts

_MATCHERS = ('dhn', 'sinkhorn', 'hungarian')


class SoftClearMOT:
    """Accumulate MOTA, MOTP, FP, FN and ID switches frame by frame.

    ``matcher='hungarian'`` follows motmetrics' ``MOTAccumulator``: matches
    of the previous frame are kept while their distance stays under
    ``threshold``, the rest are assigned by the Hungarian method, and an
    object matched to another track than last time is an ID switch.
    ``'dhn'`` and ``'sinkhorn'`` give DeepMOT's soft counts (the values the
    loss trains on), with the IoU gate at ``1 - threshold`` when
    ``distance='iou'``. The DHN always reads the DeepMOT distance, the
    input it was trained on; the other distance serves MOTP and the gate.
    MOTP is the mean distance of the matches (motmetrics' convention), so 0
    is perfect.

    Args:
        distance: ``'iou'`` (1 - IoU) or ``'deepmot'``.
        threshold: largest distance of a valid match.
        matcher: ``'dhn'``, ``'sinkhorn'`` or ``'hungarian'``.
        img_shape: (height, width), for the deepmot distance.
        delta, scale: DeepMOT's softmax parameters for the soft matchers.
        dhn_checkpoint: DHN weights (default: the shipped ones).
    """

    def __init__(self,
                 distance: str = 'iou',
                 threshold: float = 0.5,
                 matcher: str = 'hungarian',
                 img_shape: Sequence[int] = (1080, 1920),
                 delta: float = 0.5,
                 scale: float = 100.0,
                 dhn_checkpoint: Optional[str] = None) -> None:
        if matcher not in _MATCHERS:
            raise ValueError(f'matcher must be one of {_MATCHERS}, got '
                             f'{matcher!r}')
        self.distance = distance
        self.threshold = threshold
        self.matcher_name = matcher
        self.img_shape = tuple(img_shape)
        self.delta = delta
        self.scale = scale
        self._soft = None
        if matcher == 'dhn':
            from ..models.matchers import DHNMatcher
            self._soft = DHNMatcher(dhn_checkpoint)
        elif matcher == 'sinkhorn':
            from ..models.matchers import SinkhornMatcher

            # the IoU gate sets the threshold; Sinkhorn only has to be sharp
            self._soft = SinkhornMatcher(max_cost=2 * threshold, epsilon=0.02)
        self.reset()

    def reset(self) -> None:
        """Start a new sequence."""
        self.memory: Dict[int, int] = {}
        self.fp = self.fn = self.ids = 0.0
        self.num_gt = self.num_matches = 0
        self.dist_sum = 0.0

    def update(self, gt_ids: Sequence[int], gt_boxes, pred_ids: Sequence[int],
               pred_boxes) -> None:
        """Add one frame; boxes are xyxy arrays or tensors ([n, 4])."""
        gt = torch.as_tensor(np.asarray(gt_boxes, dtype=np.float64)
                             ).reshape(-1, 4)
        pred = torch.as_tensor(np.asarray(pred_boxes, dtype=np.float64)
                               ).reshape(-1, 4)
        if len(gt) != len(gt_ids) or len(pred) != len(pred_ids):
            raise ValueError('ids and boxes differ in number: '
                             f'{len(gt_ids)} vs {len(gt)} ground truth, '
                             f'{len(pred_ids)} vs {len(pred)} predictions')
        # tracks x objects, as everywhere in mmdeepmot
        dist = frame_distance(pred, gt, self.img_shape, self.distance)
        self.num_gt += len(gt_ids)
        if self.matcher_name == 'hungarian':
            self._update_exact(list(gt_ids), list(pred_ids), dist.numpy())
        else:
            match_dist = dist
            if self.matcher_name == 'dhn' and self.distance != 'deepmot':
                match_dist = frame_distance(pred, gt, self.img_shape,
                                            'deepmot')
            self._update_soft(gt_ids, pred_ids, pred, gt, dist, match_dist)

    def _update_soft(self, gt_ids, pred_ids, pred: Tensor, gt: Tensor,
                     dist: Tensor, match_dist: Tensor) -> None:
        with torch.no_grad():
            assign = self._soft([match_dist.float()])[0].double()
            if self.distance == 'iou':
                assign = assign * iou_gate(pred, gt, 1 - self.threshold,
                                           0.01)
            c = soft_frame_counts(assign, dist, list(pred_ids), list(gt_ids),
                                  self.memory, self.delta, self.scale)
        self.fp += float(c.fp)
        self.fn += float(c.fn)
        self.ids += float(c.ids)
        self.dist_sum += float(c.dist_sum)
        self.num_matches += len(c.matches)

    def _update_exact(self, gt_ids, pred_ids, dist: np.ndarray) -> None:
        # motmetrics' matrix is objects x hypotheses, with NaN = no pair
        d = dist.T.copy()
        d[d > self.threshold] = np.nan
        o_done = np.zeros(len(gt_ids), bool)
        h_done = np.zeros(len(pred_ids), bool)
        pairs = []
        col_of = {h: j for j, h in enumerate(pred_ids)}
        for i, o in enumerate(gt_ids):
            j = col_of.get(self.memory.get(o))
            if j is not None and not h_done[j] and np.isfinite(d[i, j]):
                o_done[i] = h_done[j] = True
                pairs.append((i, j))
        if d.size:
            d[o_done, :] = np.nan
            d[:, h_done] = np.nan
            for i, j in zip(*mm_assignment(d)):
                if not np.isfinite(d[i, j]):
                    continue
                o, h = gt_ids[i], pred_ids[j]
                if o in self.memory and self.memory[o] != h:
                    self.ids += 1
                o_done[i] = h_done[j] = True
                pairs.append((i, j))
        for i, j in pairs:
            self.memory[gt_ids[i]] = pred_ids[j]
            self.dist_sum += float(dist[j, i])
        self.num_matches += len(pairs)
        self.fn += float((~o_done).sum())
        self.fp += float((~h_done).sum())

    def compute(self) -> Dict[str, float]:
        """MOTA, MOTP (mean match distance), FP, FN, IDS and ground truth."""
        mota = 1.0 - (self.fp + self.fn + self.ids) / max(self.num_gt, 1)
        motp = self.dist_sum / max(self.num_matches, 1)
        return dict(mota=mota, motp=motp, fp=self.fp, fn=self.fn,
                    ids=self.ids, num_gt=self.num_gt)
