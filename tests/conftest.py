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
