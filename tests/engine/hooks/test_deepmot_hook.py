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


def test_checkpoints_record_the_dhn_and_a_resume_checks_it(
        tiny_dhn_checkpoint):
    import pytest
    model = Holder(dict(type='DHNMatcher', checkpoint=tiny_dhn_checkpoint))
    hook = DeepMOTHook()
    runner = fake_runner(model)
    hook.before_run(runner)
    saved = {}
    hook.before_save_checkpoint(runner, saved)
    record = saved['meta']['dhn']
    assert record[0]['path'] == tiny_dhn_checkpoint
    assert len(record[0]['sha256']) == 64
    # the same DHN: resumed without a word
    hook.after_load_checkpoint(runner, saved)
    runner.iter = 5
    hook.before_train(runner)
    # another DHN (the shipped one): refused on resume, a warning at start
    other = DeepMOTHook()
    shipped = fake_runner(Holder(dict(type='DHNMatcher')))
    other.before_run(shipped)
    assert other.records[0]['sha256'] != record[0]['sha256']
    other.after_load_checkpoint(shipped, saved)
    shipped.iter = 5
    with pytest.raises(RuntimeError, match='mix two DHNs'):
        other.before_train(shipped)
    shipped.iter = 0
    other.before_train(shipped)  # a start from it: warned only
    # a checkpoint without the record (a detector's stage 0): no check
    other.after_load_checkpoint(shipped, {'meta': {}})
    shipped.iter = 5
    other.before_train(shipped)
