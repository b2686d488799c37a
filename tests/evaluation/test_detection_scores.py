"""Detector scores split by whether the box covers a person."""
import numpy as np
import pytest

from mmdeepmot.evaluation.detection_scores import score_summary, split_scores


def test_boxes_are_split_by_cover_and_counted_over_thresholds():
    boxes = np.array([[0., 0, 10, 20], [50, 0, 60, 20], [1, 0, 11, 20]])
    gt = np.array([[0., 0, 10, 20]])
    split = split_scores(boxes, np.array([0.9, 0.6, 0.01]), gt)
    # the third box covers the person too (IoU 0.82): a low score on a
    # person is what the split is for
    assert split == dict(person=[0.9, 0.01], nobody=[0.6])
    summary = score_summary(split['person'], split['nobody'],
                            thresholds=(0.05, 0.5))
    assert summary['over'] == {'0.05': dict(person=1, nobody=1),
                               '0.5': dict(person=1, nobody=1)}
    assert summary['person_quantiles']['0.5'] == pytest.approx(0.455)


def test_a_frame_without_people_puts_every_box_on_nobody():
    split = split_scores(np.array([[0., 0, 10, 20]]), np.array([0.3]),
                         np.zeros((0, 4)))
    assert split == dict(person=[], nobody=[0.3])
    assert score_summary([], [0.3])['person_quantiles'] == {}
