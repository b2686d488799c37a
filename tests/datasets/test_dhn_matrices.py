"""DistanceMatrixDataset: seeded, realistic, Hungarian-labelled."""
import numpy as np
import pytest
import torch
from scipy.optimize import linear_sum_assignment

from mmdeepmot.datasets import (DistanceMatrixDataset, hungarian_labels,
                                load_gt_frames, motmetrics_data_file)


def test_same_seed_same_items_other_seed_differs():
    a = DistanceMatrixDataset(length=8, seed=3)
    b = DistanceMatrixDataset(length=8, seed=3)
    c = DistanceMatrixDataset(length=8, seed=4)
    for i in range(8):
        assert torch.equal(a[i]['dist'], b[i]['dist'])
    assert any(a[i]['dist'].shape != c[i]['dist'].shape
               or not torch.equal(a[i]['dist'], c[i]['dist'])
               for i in range(8))


def test_items_are_valid_and_labels_are_hungarian():
    ds = DistanceMatrixDataset(length=60, seed=0, max_size=30)
    sizes = set()
    for i in range(len(ds)):
        item = ds.sample(i)
        dist, label = item['dist'], item['label']
        h, w = dist.shape
        assert 1 <= h <= 30 and 1 <= w <= 30
        assert (dist >= 0).all() and (dist <= 1).all()
        rows, cols = linear_sum_assignment(dist)
        assert label.sum() == min(h, w)
        assert dist[rows, cols].sum() == pytest.approx(
            dist[label > 0].sum(), abs=1e-5)
        sizes.add(w)
    assert min(sizes) <= 5 and max(sizes) >= 25


def test_size_band_and_grouping():
    ds = DistanceMatrixDataset(length=64, seed=1, min_size=16, max_size=30,
                               group_size=16)
    widths = [ds[i]['dist'].shape[1] for i in range(64)]
    assert min(widths) >= 16 and max(widths) <= 30
    for g in range(4):  # within a group sizes stay in a narrow range
        group = widths[16 * g:16 * (g + 1)]
        assert max(group) - min(group) <= 8


def test_real_annotations_are_used():
    frames = load_gt_frames(motmetrics_data_file('TUD-Campus'))
    assert len(frames) == 71
    assert all(f.shape[1] == 4 and (f[:, 2:] > f[:, :2]).all()
               for f in frames)
    ds = DistanceMatrixDataset(length=4, seed=0, real_prob=1.0,
                               max_size=3)
    gt = ds.sample(0)['gt']
    boxes = np.concatenate(frames + load_gt_frames(
        motmetrics_data_file('TUD-Stadtmitte')))
    # every ground-truth box is a real annotation
    assert all((np.abs(boxes - b).sum(1) < 1e-6).any() for b in gt)


def test_bad_inputs(tmp_path):
    with pytest.raises(ValueError, match='min_size'):
        DistanceMatrixDataset(min_size=5, max_size=2)
    bad = tmp_path / 'gt.txt'
    bad.write_text('1,2,3\n')
    with pytest.raises(ValueError, match='gt.txt'):
        load_gt_frames(str(bad))
    with pytest.raises(IndexError):
        DistanceMatrixDataset(length=2)[2]


def test_hungarian_labels_of_empty():
    assert hungarian_labels(np.zeros((0, 3))).shape == (0, 3)
