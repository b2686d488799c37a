"""How well a soft assignment, thresholded, reproduces the Hungarian one."""
from typing import Dict, Iterable, Optional, Sequence, Tuple

import numpy as np
from mmengine.evaluator import BaseMetric
from mmtrack.registry import METRICS
from torch import Tensor


def assignment_counts(pred: Tensor, label: Tensor,
                      threshold: float = 0.5) -> Tuple[int, int, int, int,
                                                       bool]:
    """TP, FP, FN, TN of ``pred > threshold`` vs ``label``; exact match."""
    hard = pred > threshold
    pos = label > 0.5
    tp = int((hard & pos).sum())
    fp = int((hard & ~pos).sum())
    fn = int((~hard & pos).sum())
    tn = int((~hard & ~pos).sum())
    return tp, fp, fn, tn, fp == 0 and fn == 0


def assignment_scores(counts: Iterable[Sequence]) -> Dict[str, float]:
    """Weighted accuracy, precision, recall, F1 and exact-match rate."""
    arr = np.asarray(list(counts), dtype=np.float64)
    if arr.size == 0:
        return dict(wa=0.0, precision=0.0, recall=0.0, f1=0.0, exact=0.0)
    tp, fp, fn, tn = arr[:, :4].sum(0)
    recall = tp / max(tp + fn, 1)
    specificity = tn / max(tn + fp, 1)
    precision = tp / max(tp + fp, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-12)
    return dict(
        wa=(recall + specificity) / 2,
        precision=precision,
        recall=recall,
        f1=f1,
        exact=float(arr[:, 4].mean()))


@METRICS.register_module()
class DHNAssignmentMetric(BaseMetric):
    """WA, precision, recall, F1 of ``DHN > threshold`` vs Hungarian."""

    default_prefix = 'dhn'

    def __init__(self,
                 threshold: float = 0.5,
                 collect_device: str = 'cpu',
                 prefix: Optional[str] = None) -> None:
        super().__init__(collect_device=collect_device, prefix=prefix)
        self.threshold = threshold

    def process(self, data_batch: dict, data_samples: Sequence[dict]) -> None:
        for sample in data_samples:
            self.results.append(
                assignment_counts(sample['pred'], sample['label'],
                                  self.threshold))

    def compute_metrics(self, results: list) -> Dict[str, float]:
        return assignment_scores(results)
