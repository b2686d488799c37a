"""dIDF1 and dHOTA (deepmot.identity): by hand on a clip with a switch,
gradients against finite differences, and the hard limit against
TrackEval on whole result files of real sequences (PETS09-S2L1 and MOT17
labels with their public detections, tracked by the IoU and Kalman
baselines), read through TrackEval's own MOTChallenge preprocessing."""
import os
import os.path as osp

import numpy as np
import pytest
import torch

from deepmot.box_distance import box_iou
from deepmot.identity import (accumulate_matches, hota_pairs, soft_hota,
                              soft_idf1)


def _switch_clip():
    """Two objects walking apart over 4 frames; the tracker swaps their ids
    after frame 1 (one switch each), and track 7 is a false box."""
    gt = [torch.tensor([[0., 0, 10, 10], [30, 0, 40, 10]]) + 2 * t
          for t in range(4)]
    pred = [g.clone() for g in gt]
    pred[3] = torch.cat([pred[3], torch.tensor([[80., 80, 90, 90]])])
    track_ids = [[1, 2], [1, 2], [2, 1], [2, 1, 7]]
    object_ids = [[10, 20]] * 4
    return pred, gt, track_ids, object_ids


def test_idf1_by_hand_on_a_switch():
    pred, gt, t_ids, o_ids = _switch_clip()
    matches = [(box_iou(p, g) >= 0.5).double() for p, g in zip(pred, gt)]
    counts = accumulate_matches(matches, t_ids, o_ids)
    assert counts.track_ids == [1, 2, 7]
    assert counts.cooc.tolist() == [[2, 2], [2, 2], [0, 0]]
    out = soft_idf1(counts)
    # the best pairing keeps 2 + 2 of 8 matched boxes; 9 track boxes
    assert out['IDTP'].item() == 4
    assert out['IDF1'].item() == pytest.approx(2 * 4 / (9 + 8))


def test_hota_by_hand_on_a_switch():
    pred, gt, t_ids, o_ids = _switch_clip()
    ious = [box_iou(p, g).double() for p, g in zip(pred, gt)]
    out = soft_hota(ious, t_ids, o_ids, alphas=[0.5])
    # every object matched at IoU 1: TP 8, FP 1; each pair shares 2 of
    # its 4 + 4 boxes: A = 2 / 6
    det_a, ass_a = 8 / 9, 2 / 6
    assert out['DetA'].item() == pytest.approx(det_a)
    assert out['AssA'].item() == pytest.approx(ass_a)
    assert out['HOTA'].item() == pytest.approx(np.sqrt(det_a * ass_a))


def _soft_inputs(boxes, gt, t_ids, o_ids, temperature):
    ious = [box_iou(b, g) for b, g in zip(boxes, gt)]
    idf1 = soft_idf1(accumulate_matches(
        [torch.sigmoid((i - 0.5) / temperature) for i in ious], t_ids,
        o_ids))['IDF1']
    hota = soft_hota(ious, t_ids, o_ids, alphas=[0.3, 0.5, 0.7],
                     temperature=temperature)['HOTA']
    return idf1, hota


@pytest.mark.parametrize('metric', [0, 1])
def test_gradients_match_finite_differences(metric):
    torch.manual_seed(0)
    _, gt, t_ids, o_ids = _switch_clip()
    gt = [g.double() for g in gt]
    # jittered predictions: IoUs spread around the thresholds
    noisy = [(g + torch.randn(len(t), 4, dtype=torch.double) * 2)
             if len(t) == len(g) else
             torch.cat([g, torch.tensor([[5., 5, 15, 15]],
                                        dtype=torch.double)])
             for g, t in zip(gt, t_ids)]
    flat = torch.cat(noisy).requires_grad_(True)
    sizes = [len(n) for n in noisy]

    def fn(x):
        boxes = list(torch.split(x, sizes))
        return _soft_inputs(boxes, gt, t_ids, o_ids, 0.1)[metric]

    # the pairings are hardened (fixed near x), as dMOTA's TP mask
    assert torch.autograd.gradcheck(fn, (flat, ), eps=1e-6, atol=1e-5)
    fn(flat).backward()
    assert flat.grad.abs().sum() > 0


def test_hota_pairs_prefer_the_globally_aligned_track():
    # frame 0 and 1: track 1 on object 10 alone; frame 2: tracks 1 and 2
    # overlap object 10 equally, track 1 aligned over the clip wins
    ious = [torch.ones(1, 1), torch.ones(1, 1),
            torch.tensor([[0.8], [0.8]])]
    masks = hota_pairs(ious, [[1], [1], [1, 2]], [[10], [10], [10]])
    assert masks[2].tolist() == [[1.], [0.]]


# -- the hard limit against TrackEval on real result files -------------


def _trackeval_data(tmp_path, name, gt_rows, result_rows, length):
    """TrackEval's preprocessed data of one sequence (its per-frame ids,
    boxes and similarities) and its own Identity and HOTA results."""
    import trackeval

    from mmdeepmot.datasets.mot_challenge_io import write_mot_txt
    from mmdeepmot.evaluation.trackeval_mot import trackeval_dataset
    gt_dir = tmp_path / 'gt'
    res_dir = tmp_path / 'results' / 'tracker'
    os.makedirs(gt_dir, exist_ok=True)
    os.makedirs(res_dir, exist_ok=True)
    write_mot_txt(str(gt_dir / f'{name}.txt'), gt_rows, 'gt', decimals=6)
    write_mot_txt(str(res_dir / f'{name}.txt'), result_rows, 'result',
                  decimals=6)
    dataset, tracker = trackeval_dataset(str(gt_dir), '{gt_folder}/{seq}.txt',
                                         str(res_dir), {name: length})
    raw = dataset.get_raw_seq_data(tracker, name)
    data = dataset.get_preprocessed_seq_data(raw, 'pedestrian')
    identity = trackeval.metrics.Identity().eval_sequence(data)
    hota = trackeval.metrics.HOTA().eval_sequence(data)
    return data, identity, hota


def _xyxy(xywh):
    boxes = torch.as_tensor(xywh, dtype=torch.float64).reshape(-1, 4)
    return torch.cat([boxes[:, :2], boxes[:, :2] + boxes[:, 2:]], 1)


def _check_against_trackeval(data, identity, hota):
    t_ids = [list(map(int, t)) for t in data['tracker_ids']]
    o_ids = [list(map(int, g)) for g in data['gt_ids']]
    # float64 IoU of the same boxes, tracks x objects
    ious = [box_iou(_xyxy(t), _xyxy(g))
            for t, g in zip(data['tracker_dets'], data['gt_dets'])]
    ours = soft_idf1(accumulate_matches(
        [(i >= 0.5).double() for i in ious], t_ids, o_ids))
    assert ours['IDTP'].item() == identity['IDTP']
    assert ours['IDF1'].item() == pytest.approx(identity['IDF1'], abs=1e-12)
    ours = soft_hota(ious, t_ids, o_ids)
    assert ours['DetA'].item() == pytest.approx(hota['DetA'].mean(),
                                                abs=1e-9)
    assert ours['AssA'].item() == pytest.approx(hota['AssA'].mean(),
                                                abs=1e-9)
    assert ours['HOTA'].item() == pytest.approx(hota['HOTA'].mean(),
                                                abs=1e-6)
    return ours


@pytest.fixture(scope='module')
def pets09(shared_data_path):
    from mmdeepmot.datasets.mot_challenge_io import read_gt, read_mot_txt
    root = shared_data_path('PETS09-S2L1')
    return (read_gt(osp.join(root, 'gt', 'gt.txt')),
            read_mot_txt(osp.join(root, 'det', 'det.txt'), 'det'))


@pytest.mark.parametrize('tracker', ['iou', 'kalman'])
def test_hard_limit_equals_trackeval_on_pets09(tmp_path, pets09, tracker):
    from mmdeepmot.baselines import iou_track, kalman_track
    gt, det = pets09
    length = int(gt[:, 0].max())
    if tracker == 'iou':
        result = iou_track(det, length, min_score=0.0)
    else:
        result = kalman_track(det, range(1, length + 1), score_scale=100.)
    data, identity, hota = _trackeval_data(tmp_path, 'PETS09-S2L1', gt,
                                           result, length)
    assert data['num_tracker_dets'] > 1000
    _check_against_trackeval(data, identity, hota)


def test_hard_limit_equals_trackeval_on_mot17(tmp_path, shared_data_path):
    """MOT17's distractor classes and zero-marked boxes go through
    TrackEval's preprocessing first, as in its own figures."""
    from mmdeepmot.baselines import iou_track
    from mmdeepmot.datasets.mot_challenge_io import (read_gt, read_mot_txt,
                                                     read_seqinfo)
    root = osp.join(shared_data_path('MOT17-labels'), 'train')
    for seq in ('MOT17-02-FRCNN', 'MOT17-09-FRCNN'):
        length = int(read_seqinfo(osp.join(root, seq))['seqLength'])
        gt = read_gt(osp.join(root, seq, 'gt', 'gt.txt'))
        det = read_mot_txt(osp.join(root, seq, 'det', 'det.txt'), 'det')
        result = iou_track(det, length)
        data, identity, hota = _trackeval_data(tmp_path / seq, seq, gt,
                                               result, length)
        _check_against_trackeval(data, identity, hota)
