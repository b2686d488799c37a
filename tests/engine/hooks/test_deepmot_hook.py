"""DeepMOTHook: sequence resets and frozen DHN loading."""
from types import SimpleNamespace

import torch
from mmengine.structures import BaseDataElement

from mmdeepmot.engine.hooks import DeepMOTHook, deepmot_losses
from mmdeepmot.models.losses import DeepMOTLoss


class Holder(torch.nn.Module):

    def __init__(self, matcher):
        super().__init__()
        self.loss = DeepMOTLoss(matcher=matcher)


def fake_runner(model):
    logs = []
    logger = SimpleNamespace(info=logs.append)
    return SimpleNamespace(model=model, logger=logger, logs=logs)


def test_resets_memory_on_first_frame():
    model = Holder(dict(type='SinkhornMatcher'))
    model.loss.memory = {'v1': {1: 7}, 'v2': {2: 8}}
    hook = DeepMOTHook()
    runner = fake_runner(model)
    first = BaseDataElement(metainfo=dict(frame_id=0, video_id='v1'))
    later = BaseDataElement(metainfo=dict(frame_id=5, video_id='v2'))
    hook.before_train_iter(runner, 0, dict(data_samples=[later]))
    assert set(model.loss.memory) == {'v1', 'v2'}
    hook.before_train_iter(runner, 1, dict(data_samples=[first, later]))
    assert set(model.loss.memory) == {'v2'}


def test_loads_frozen_dhn_before_run(tiny_dhn_checkpoint):
    model = Holder(dict(type='DHNMatcher'))
    assert deepmot_losses(model) == [model.loss]
    hook = DeepMOTHook(dhn_checkpoint=tiny_dhn_checkpoint)
    runner = fake_runner(model)
    hook.before_run(runner)
    dhn = model.loss.matcher.dhn
    assert dhn.hidden_size == 8
    assert not any(p.requires_grad for p in dhn.parameters())
    assert 'frozen DHN' in runner.logs[0]
