"""DistanceMatrixDataset: seeded, realistic, Hungarian-labelled."""
import numpy as np
import pytest
import torch
from scipy.optimize import linear_sum_assignment

from mmdeepmot.datasets import (DistanceMatrixDataset, hungarian_labels,
                                load_gt_frames, motmetrics_data_file,
                                public_detection_matrices)
from mmdeepmot.datasets.mot_challenge_io import write_seqinfo


def _sequence(root, name='SEQ-01'):
    """A 3-frame MOT17-style sequence: 2 counted objects and one ignored
    (conf 0) per frame; frame 2 has no detection."""
    seq = root / name
    (seq / 'gt').mkdir(parents=True)
    (seq / 'det').mkdir()
    write_seqinfo(str(seq), name, 3, 640, 480)
    gt, det = [], []
    for f in (1, 2, 3):
        gt += [f'{f},1,10,10,40,90,1,1,1', f'{f},2,200,50,40,90,1,1,0.5',
               f'{f},3,400,50,60,40,0,3,1']
        if f != 2:
            det += [f'{f},-1,12,11,40,90,0.9', f'{f},-1,198,52,40,88,0.8',
                    f'{f},-1,500,300,30,60,0.2']
    (seq / 'gt' / 'gt.txt').write_text('\n'.join(gt) + '\n')
    (seq / 'det' / 'det.txt').write_text('\n'.join(det) + '\n')
    return seq


def test_public_detection_matrices(tmp_path):
    items = public_detection_matrices(str(_sequence(tmp_path)))
    assert [x['frame'] for x in items] == [1, 3]  # frame 2: no detection
    for x in items:
        # 3 detections (rows) x 2 counted objects (columns)
        assert x['dist'].shape == (3, 2)
        assert x['label'][0, 0] == 1 and x['label'][1, 1] == 1
        assert x['label'].sum() == 2
    assert len(public_detection_matrices(str(tmp_path / 'SEQ-01'), 2)) == 2
    assert len(public_detection_matrices(str(tmp_path / 'SEQ-01'), 3)) == 1


def test_real_gt_files_keep_counted_rows_under_data_root(tmp_path):
    _sequence(tmp_path)
    frames = load_gt_frames(str(tmp_path / 'SEQ-01' / 'gt' / 'gt.txt'))
    assert [len(f) for f in frames] == [2, 2, 2]  # conf-0 rows left out
    ds = DistanceMatrixDataset(length=4, seed=0, real_prob=1.0, min_size=2,
                               max_size=2, data_root=str(tmp_path),
                               real_gt_files=['SEQ-01/gt/gt.txt'])
    boxes = np.concatenate(frames)
    for i in range(4):
        assert all((np.abs(boxes - b).sum(1) < 1e-6).any()
                   for b in ds.sample(i)['gt'])
    with pytest.raises(FileNotFoundError, match='SEQ-02'):
        DistanceMatrixDataset(data_root=str(tmp_path),
                              real_gt_files=['SEQ-02/gt/gt.txt'])


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
