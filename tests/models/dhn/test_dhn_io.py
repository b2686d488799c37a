"""load_dhn (models/dhn/dhn_io.py, re-exported by apis): shipped
weights, round trips, training checkpoints, errors."""
import os.path as osp

import pytest
import torch

from mmdeepmot.apis import DEFAULT_DHN, load_dhn, save_dhn
from mmdeepmot.datasets import DistanceMatrixDataset
from mmdeepmot.evaluation import assignment_counts, assignment_scores
from mmdeepmot.models.dhn import DeepHungarianNet


def test_shipped_weights_are_the_trained_line_reader():
    assert osp.isfile(DEFAULT_DHN), 'the trained DHN must ship in the repo'
    dhn = load_dhn()
    assert dhn.variant == 'lines'
    assert not dhn.training
    assert not any(p.requires_grad for p in dhn.parameters())
    # a seed used by neither training (0) nor validation (20200614)
    ds = DistanceMatrixDataset(length=96, seed=4242, max_size=30,
                               group_size=32)
    items = [ds[i] for i in range(len(ds))]
    with torch.no_grad():
        preds = dhn([x['dist'] for x in items])
    scores = assignment_scores(
        assignment_counts(p, x['label']) for p, x in zip(preds, items))
    # measured 0.958 / 0.898 (the former sequential network 0.950 / 0.887)
    assert scores['wa'] > 0.95 and scores['f1'] > 0.88, scores
    out = dhn(torch.rand(7, 9))
    assert out.shape == (7, 9) and ((out >= 0) & (out <= 1)).all()


def test_round_trip(tmp_path):
    torch.manual_seed(1)
    cfg = dict(type='DeepHungarianNet', hidden_size=6, num_layers=1,
               head_dims=(4, ), variant='parallel', cell='LSTM')
    net = DeepHungarianNet(
        **{k: v for k, v in cfg.items() if k != 'type'}).eval()
    path = str(tmp_path / 'dhn.pth')
    save_dhn(net, cfg, path, dict(metrics=dict(wa=0.5)))
    back = load_dhn(path, freeze=False)
    assert back.variant == 'parallel' and back.cell == 'LSTM'
    assert any(p.requires_grad for p in back.parameters())
    dist = torch.rand(5, 4)
    with torch.no_grad():
        assert torch.equal(net(dist), back(dist))


def test_loads_a_training_checkpoint(tmp_path):
    from mmengine.config import Config
    cfg = Config(dict(model=dict(
        type='SupervisedDHN',
        dhn=dict(type='DeepHungarianNet', hidden_size=4, num_layers=1,
                 head_dims=(4, )))))
    net = DeepHungarianNet(hidden_size=4, num_layers=1, head_dims=(4, ))
    state = {f'dhn.{k}': v for k, v in net.state_dict().items()}
    path = str(tmp_path / 'iter_10.pth')
    torch.save(dict(meta=dict(cfg=cfg.pretty_text), state_dict=state), path)
    back = load_dhn(path)
    dist = torch.rand(3, 3)
    with torch.no_grad():
        assert torch.equal(net.eval()(dist), back(dist))


def test_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match='no DHN checkpoint'):
        load_dhn(str(tmp_path / 'missing.pth'))
    bad = tmp_path / 'bad.pth'
    torch.save(dict(state_dict={}), bad)
    with pytest.raises(ValueError, match='holds no DeepHungarianNet'):
        load_dhn(str(bad))


def test_shipped_weights_on_real_matrices_of_unseen_videos(mot17_labels):
    """MOT17-10/11/13 were read by no DHN training: their public detections
    against their ground truth, every 30th frame, FRCNN and SDP."""
    from mmdeepmot.datasets import public_detection_matrices
    items = []
    for seq in ('MOT17-10-FRCNN', 'MOT17-11-SDP', 'MOT17-13-FRCNN'):
        items += public_detection_matrices(
            osp.join(mot17_labels, 'train', seq), every=30)
    assert len(items) > 60
    dhn = load_dhn()
    with torch.no_grad():
        preds = dhn([torch.from_numpy(x['dist']) for x in items])
    scores = assignment_scores(
        assignment_counts(p, torch.from_numpy(x['label']))
        for p, x in zip(preds, items))
    # the targets; measured here (77 matrices) WA 0.977, F1 0.955;
    # benchmarks/dhn.py --real (every 10th frame, all 9 folders): 0.961,
    # 0.927
    assert scores['wa'] >= 0.95 and scores['f1'] >= 0.90, scores
