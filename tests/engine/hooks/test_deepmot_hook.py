"""DeepMOTHook: frozen DHN loading (the loss keeps no state to reset)."""
from types import SimpleNamespace

import torch

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
