"""SoftClearMOT reproduces motmetrics exactly, and its soft modes are close."""
import os.path as osp

import motmetrics as mm
import numpy as np
import pytest

from mmdeepmot.datasets import motmetrics_data_file
from mmdeepmot.evaluation import SoftClearMOT
from mmdeepmot.utils import numpy1_aliases


def load_pair(seq):
    gt_file = motmetrics_data_file(seq)
    gt = np.loadtxt(gt_file, delimiter=',')
    res = np.loadtxt(osp.join(osp.dirname(gt_file), 'test.txt'),
                     delimiter=',')
    return gt, res


def xyxy(rows):
    return np.concatenate([rows[:, 2:4], rows[:, 2:4] + rows[:, 4:6]], 1)


def run(evaluator, gt, res, acc=None):
    for f in sorted(set(gt[:, 0]) | set(res[:, 0])):
        g, r = gt[gt[:, 0] == f], res[res[:, 0] == f]
        gid, rid = g[:, 1].astype(int).tolist(), r[:, 1].astype(int).tolist()
        evaluator.update(gid, xyxy(g), rid, xyxy(r))
        if acc is not None:
            with numpy1_aliases():  # motmetrics 1.4 calls np.asfarray
                dist = mm.distances.iou_matrix(g[:, 2:6], r[:, 2:6], 0.5)
            acc.update(gid, rid, dist)
    return evaluator.compute()


@pytest.mark.parametrize('seq,mota', [('TUD-Campus', 0.526),
                                      ('TUD-Stadtmitte', 0.564)])
def test_hungarian_iou_equals_motmetrics(seq, mota):
    gt, res = load_pair(seq)
    acc = mm.MOTAccumulator(auto_id=True)
    ours = run(SoftClearMOT('iou', 0.5, 'hungarian'), gt, res, acc)
    ref = mm.metrics.create().compute(
        acc, metrics=['mota', 'motp', 'num_false_positives', 'num_misses',
                      'num_switches', 'num_objects'])
    assert ours['fp'] == ref['num_false_positives'].iloc[0]
    assert ours['fn'] == ref['num_misses'].iloc[0]
    assert ours['ids'] == ref['num_switches'].iloc[0]
    assert ours['num_gt'] == ref['num_objects'].iloc[0]
    assert ours['mota'] == pytest.approx(ref['mota'].iloc[0], abs=1e-6)
    assert ours['motp'] == pytest.approx(ref['motp'].iloc[0], abs=1e-6)
    assert ours['mota'] == pytest.approx(mota, abs=5e-4)


@pytest.mark.parametrize('matcher', ['sinkhorn', 'dhn'])
def test_soft_modes_close_to_exact(matcher):
    gt, res = load_pair('TUD-Campus')
    exact = run(SoftClearMOT('iou', 0.5, 'hungarian'), gt, res)
    # TUD's frames are 640 x 480: the DHN reads distances normalised by it
    soft = run(SoftClearMOT('iou', 0.5, matcher, img_shape=(480, 640)), gt,
               res)
    # measured: sinkhorn 0.005, dhn 0.018 (target 0.02)
    tol = 0.01 if matcher == 'sinkhorn' else 0.02
    assert soft['mota'] == pytest.approx(exact['mota'], abs=tol)


def test_bad_arguments():
    with pytest.raises(ValueError, match='matcher'):
        SoftClearMOT(matcher='greedy')
    ev = SoftClearMOT()
    with pytest.raises(ValueError, match='differ in number'):
        ev.update([1, 2], [[0, 0, 1, 1]], [], [])
    with pytest.raises(ValueError, match='NaN'):
        ev.update([1], [[0, 0, float('nan'), 1]], [], [])
