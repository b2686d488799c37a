"""Shared fixtures."""
import pytest
import torch

from mmdeepmot.apis import save_dhn
from mmdeepmot.models.matchers import DeepHungarianNet

TINY_DHN = dict(type='DeepHungarianNet', hidden_size=8, num_layers=1,
                head_dims=(8, ))


@pytest.fixture(scope='session')
def tiny_dhn_checkpoint(tmp_path_factory):
    """A small, randomly initialised DHN in the shipped file format."""
    torch.manual_seed(0)
    cfg = dict(TINY_DHN)
    net = DeepHungarianNet(**{k: v for k, v in cfg.items() if k != 'type'})
    path = tmp_path_factory.mktemp('dhn') / 'tiny_dhn.pth'
    save_dhn(net, cfg, str(path), dict(note='test'))
    return str(path)


@pytest.fixture(scope='session')
def tiny_toy_mot(tmp_path_factory):
    """A tiny generated MOT17-layout data set with CocoVID annotations:
    one train and one test video (one detection profile), 160 x 96."""
    from mmdeepmot.datasets.cocovid import mot_to_cocovid
    from mmdeepmot.datasets.toy_mot import ToyMOTConfig, make_toy_mot
    root = tmp_path_factory.mktemp('tiny_toy_mot')
    cfg = ToyMOTConfig(width=160, height=96, num_frames=(8, 10),
                       num_people=(3, 5), train_seqs=1, test_seqs=1,
                       profiles=('SDP', ))
    make_toy_mot(str(root), seed=5, cfg=cfg)
    mot_to_cocovid(str(root))
    return str(root)
