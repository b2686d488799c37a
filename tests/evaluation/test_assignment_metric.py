"""DHNAssignmentMetric's figures on hand-made cases."""
import pytest
import torch

from mmdeepmot.evaluation import (DHNAssignmentMetric, assignment_counts,
                                  assignment_scores)


def test_counts_and_scores():
    label = torch.eye(3)
    pred = torch.tensor([[0.9, 0.6, 0.0], [0.0, 0.2, 0.0], [0.0, 0.0, 0.7]])
    tp, fp, fn, tn, exact = assignment_counts(pred, label)
    assert (tp, fp, fn, tn, exact) == (2, 1, 1, 5, False)
    s = assignment_scores([(tp, fp, fn, tn, exact), (3, 0, 0, 6, True)])
    assert s['recall'] == pytest.approx(5 / 6)
    assert s['precision'] == pytest.approx(5 / 6)
    assert s['wa'] == pytest.approx((5 / 6 + 11 / 12) / 2)
    assert s['exact'] == pytest.approx(0.5)


def test_metric_process_and_compute():
    metric = DHNAssignmentMetric()
    metric.process({}, [dict(pred=torch.eye(2), label=torch.eye(2))])
    out = metric.compute_metrics(metric.results)
    assert out['wa'] == 1.0 and out['f1'] == 1.0 and out['exact'] == 1.0
