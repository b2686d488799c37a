"""DeepMOTLoss: perfect tracks, ID switches, empty frames, gradients."""
import pytest
import torch

from mmdeepmot.models.losses import DeepMOTLoss

BOXES = torch.tensor([[10., 10., 50., 110.], [100., 20., 140., 120.],
                      [200., 30., 240., 130.]])
SHAPE = (360, 640)


def frame(pred, pred_ids, gt=BOXES, gt_ids=(1, 2, 3)):
    return dict(pred_boxes=pred, pred_ids=list(pred_ids), gt_boxes=gt,
                gt_ids=list(gt_ids), img_shape=SHAPE)


@pytest.fixture(params=['sinkhorn', 'dhn'])
def loss(request):
    # the DHN case uses the shipped weights: a random DHN matches nothing
    matcher = dict(type='SinkhornMatcher') if request.param == 'sinkhorn' \
        else dict(type='DHNMatcher')
    return DeepMOTLoss(matcher=matcher, scale=10.0)


@pytest.fixture
def sinkhorn_loss():
    return DeepMOTLoss(matcher=dict(type='SinkhornMatcher'), scale=100.0)


def test_perfect_predictions(sinkhorn_loss):
    out = sinkhorn_loss([frame(BOXES.clone(), (7, 8, 9))] * 3)
    assert out['dmota'] == pytest.approx(1.0, abs=0.02)
    assert out['dmotp'] == pytest.approx(1.0, abs=1e-3)
    assert out['soft_ids'] == pytest.approx(0.0, abs=1e-3)


def test_id_switch_raises_ids(sinkhorn_loss):
    same = sinkhorn_loss([frame(BOXES, (7, 8, 9)), frame(BOXES, (7, 8, 9))])
    swapped = sinkhorn_loss(
        [frame(BOXES, (7, 8, 9)), frame(BOXES, (8, 7, 9))])
    assert swapped['soft_ids'] > same['soft_ids'] + 1.5
    assert swapped['dmota'] < same['dmota']


def test_memory_is_the_callers(sinkhorn_loss):
    memory_a, memory_b = {}, {}
    sinkhorn_loss([frame(BOXES, (7, 8, 9))], memory_a)
    assert memory_a == {1: 7, 2: 8, 3: 9}
    out_b = sinkhorn_loss([frame(BOXES, (8, 7, 9))], memory_b)
    assert out_b['soft_ids'] == pytest.approx(0.0, abs=1e-3)
    out_a = sinkhorn_loss([frame(BOXES, (8, 7, 9))], memory_a)
    assert out_a['soft_ids'] > 1.5
    # no memory given: the clip starts a sequence, nothing is kept
    fresh = sinkhorn_loss([frame(BOXES, (7, 8, 9))])
    assert fresh['soft_ids'] == pytest.approx(0.0, abs=1e-3)
    assert not hasattr(sinkhorn_loss, 'memory')
    with pytest.raises(ValueError, match='one per clip'):
        sinkhorn_loss.forward_clips([[frame(BOXES, (7, 8, 9))]], [{}, {}])


def test_missed_and_false_positive(sinkhorn_loss):
    far = torch.tensor([[500., 200., 540., 300.]])
    out = sinkhorn_loss([frame(torch.cat([BOXES[:2], far]), (7, 8, 9))])
    assert out['soft_fp'] == pytest.approx(1.0, abs=0.05)
    assert out['soft_fn'] == pytest.approx(1.0, abs=0.05)
    assert out['dmota'] == pytest.approx(1 - 2 / 3, abs=0.05)


@pytest.mark.parametrize('case', ['no_gt', 'no_pred', 'both'])
def test_empty_frames_are_finite(loss, case):
    empty = torch.zeros(0, 4)
    f = {
        'no_gt': frame(BOXES, (7, 8, 9), empty, ()),
        'no_pred': frame(empty, ()),
        'both': frame(empty, (), empty, ()),
    }[case]
    out = loss([f])
    for key, value in out.items():
        assert torch.isfinite(value).all(), key
    if case == 'no_gt':
        assert out['soft_fp'] == pytest.approx(3.0)
    if case == 'no_pred':
        assert out['soft_fn'] == pytest.approx(3.0)


def test_gradients_reach_predicted_boxes(loss):
    pred = (BOXES + torch.tensor([6., 4., 6., 4.])).requires_grad_(True)
    out = loss([frame(pred, (7, 8, 9))])
    (out['loss_dmota'] + out['loss_dmotp']).backward()
    assert torch.isfinite(pred.grad).all()
    assert (pred.grad.abs().sum(1) > 0).all()
    # moving the boxes against the gradient lowers the loss
    with torch.no_grad():
        moved = pred - 5.0 * pred.grad / pred.grad.norm()
    after = loss([frame(moved, (7, 8, 9))])
    total = out['loss_dmota'] + out['loss_dmotp']
    assert after['loss_dmota'] + after['loss_dmotp'] < total


def test_bad_boxes_are_rejected(sinkhorn_loss):
    nan = BOXES.clone()
    nan[1, 2] = float('nan')
    with pytest.raises(ValueError, match='predicted boxes contain NaN'):
        sinkhorn_loss([frame(nan, (7, 8, 9))])
    inverted = BOXES.clone()
    inverted[0] = torch.tensor([50., 10., 10., 110.])
    with pytest.raises(ValueError, match='ground-truth boxes are inverted'):
        sinkhorn_loss([frame(BOXES, (7, 8, 9), inverted)])
    with pytest.raises(ValueError, match='at least one frame'):
        sinkhorn_loss([])


def test_scores_drive_track_death():
    loss = DeepMOTLoss(matcher=dict(type='SinkhornMatcher'), scale=100.0,
                       use_scores=True)
    far = torch.tensor([[500., 200., 540., 300.]])
    pred = torch.cat([BOXES, far])
    scores = torch.tensor([0.9, 0.9, 0.9, 0.9], requires_grad=True)
    f = frame(pred, (7, 8, 9, 10))
    f['pred_scores'] = scores
    out = loss([f])
    # the stray track's FP counts by its score
    assert out['soft_fp'] == pytest.approx(0.9, abs=0.05)
    out['loss_dmota'].backward()
    # lower the stray track's score, raise those on objects
    assert scores.grad[3] > 0
    assert (scores.grad[:3] < 0).all()
    # a track that is not there (score 0) matches nothing: its object is FN
    f['pred_scores'] = torch.tensor([0.0, 1.0, 1.0, 0.0])
    out = loss([f])
    assert out['soft_fn'] == pytest.approx(1.0, abs=0.05)
    assert out['soft_fp'] == pytest.approx(0.0, abs=0.05)


def test_scores_are_checked():
    loss = DeepMOTLoss(matcher=dict(type='SinkhornMatcher'), use_scores=True)
    f = frame(BOXES, (7, 8, 9))
    with pytest.raises(KeyError, match='pred_scores'):
        loss([f])
    f['pred_scores'] = torch.tensor([0.5, 1.5, 0.2])
    with pytest.raises(ValueError, match=r'\[0, 1\]'):
        loss([f])
    f['pred_scores'] = torch.tensor([0.5, 0.2])
    with pytest.raises(ValueError, match='one value per track'):
        loss([f])


def test_clips_in_one_call_equal_one_by_one(loss):
    shifted = BOXES + torch.tensor([3., -2., 3., -2.])
    clip_a = [frame(BOXES, (7, 8, 9)), frame(shifted, (7, 9, 8))]
    clip_b = [frame(shifted[:2], (1, 2))]
    one = [loss(clip_a), loss(clip_b)]
    both = loss.forward_clips([clip_a, clip_b])
    for key in ('loss_dmota', 'loss_dmotp', 'soft_fp', 'soft_ids'):
        mean = (one[0][key] + one[1][key]) / 2
        assert both[key] == pytest.approx(float(mean), abs=1e-5), key


def test_bad_values_name_the_argument(sinkhorn_loss):
    import numpy as np
    ok = frame(BOXES, (7, 8, 9))
    bad_shape = dict(ok, img_shape=(0, 0))
    with pytest.raises(ValueError, match=r'img_shape must be a positive'):
        sinkhorn_loss([bad_shape])
    huge = BOXES.clone()
    huge[1] *= 1e16
    with pytest.raises(ValueError, match=r'frame 0: predicted boxes\[1\]'):
        sinkhorn_loss([frame(huge, (7, 8, 9))])
    with pytest.raises(ValueError, match='pred_ids has 4 ids for 3 boxes'):
        sinkhorn_loss([frame(BOXES, (7, 8, 9, 10))])
    with pytest.raises(ValueError, match='pred_ids has 2 ids for 3 boxes'):
        sinkhorn_loss([frame(BOXES, (7, 8))])
    with pytest.raises(ValueError, match='gt_ids: id 2 appears twice'):
        sinkhorn_loss([frame(BOXES, (7, 8, 9), gt_ids=(1, 2, 2))])
    for boxes in (BOXES[0], BOXES[None]):
        with pytest.raises(ValueError, match=r'must be \[n, 4\]'):
            sinkhorn_loss([frame(boxes, (7, 8, 9))])
    with pytest.raises(KeyError, match=r"frame 1: missing \['gt_ids'\]"):
        sinkhorn_loss([ok, {k: v for k, v in ok.items() if k != 'gt_ids'}])
    # numpy and other float types are converted: same figures
    ref = sinkhorn_loss([ok])
    for pred in (BOXES.numpy(), BOXES.double(), BOXES.half()):
        out = sinkhorn_loss([frame(pred, (7, 8, 9),
                                   np.asarray(BOXES.numpy()))])
        assert out['dmota'] == pytest.approx(float(ref['dmota']), abs=1e-3)


def test_dhn_refuses_non_finite_distances():
    from mmdeepmot.models.dhn import DeepHungarianNet
    dhn = DeepHungarianNet(hidden_size=4, num_layers=1, head_dims=(4, ))
    dist = torch.rand(3, 4)
    dist[1, 2] = float('nan')
    with pytest.raises(ValueError, match=r'distance matrix 1 holds nan at '
                       r'\[1, 2\]'):
        dhn([torch.rand(2, 2), dist])
    with pytest.raises(ValueError, match='must be finite'):
        dhn(dist)


def test_identity_terms_are_off_by_default(sinkhorn_loss):
    out = sinkhorn_loss([frame(BOXES, (7, 8, 9))] * 2)
    assert not {'loss_didf1', 'didf1', 'loss_dhota', 'dhota'} & set(out)


@pytest.mark.parametrize('matcher', ['SinkhornMatcher', 'DHNMatcher',
                                     'DualSoftmaxMatcher',
                                     'HungarianMatcher'])
def test_identity_terms_see_a_switch_that_lasts(matcher):
    """Three objects over 8 frames; in the second clip two tracks swap ids
    at frame 4 and keep them: dMOTA sees one frame of it, IDF1 and HOTA
    the whole second half."""
    loss = DeepMOTLoss(matcher=dict(type=matcher), lambda_idf1=1.0,
                       lambda_hota=1.0)
    steady = [frame(BOXES + t, (7, 8, 9)) for t in range(8)]
    swapped = [frame(BOXES + t, (7, 8, 9) if t < 4 else (8, 7, 9))
               for t in range(8)]
    a, b = loss(steady), loss(swapped)
    # ids 7 and 8 each keep 4 of their 8 boxes with their best object:
    # 16 of 24 boxes paired, less what the matcher leaves soft
    assert b['didf1'] < a['didf1'] - 0.15
    if matcher == 'HungarianMatcher':
        assert b['didf1'] / a['didf1'] == pytest.approx(16 / 24, abs=0.01)
    assert b['dhota'] < a['dhota'] - 0.1
    assert b['loss_didf1'] > a['loss_didf1']
    assert b['loss_dhota'] > a['loss_dhota']


@pytest.mark.parametrize('term', ['lambda_idf1', 'lambda_hota'])
def test_identity_terms_reach_the_boxes(term):
    loss = DeepMOTLoss(matcher=dict(type='SinkhornMatcher'), **{term: 1.0})
    pred = (BOXES + torch.tensor([4., -3, 2, 5])).requires_grad_(True)
    frames = [frame(pred, (7, 8, 9)), frame(pred, (8, 7, 9)),
              frame(pred, (8, 7, 9))]
    out = loss(frames)
    key = 'loss_didf1' if term == 'lambda_idf1' else 'loss_dhota'
    out[key].backward()
    assert torch.isfinite(pred.grad).all() and pred.grad.abs().sum() > 0
