"""InferenceSpeedupHook acts before a test run only, on the unwrapped
model, and says what it did."""
from types import SimpleNamespace

import torch
from mmengine.hooks import Hook
from mmengine.logging import MMLogger
from torch import nn

from mmdeepmot.engine.hooks import InferenceSpeedupHook


def _runner():
    model = nn.Module()
    model.backbone = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4))
    model.head = nn.Sequential(nn.Conv2d(4, 4, 3), nn.BatchNorm2d(4))
    wrapped = nn.Module()
    wrapped.module = model.train()
    return SimpleNamespace(model=wrapped,
                           logger=MMLogger.get_instance('speedup-test'))


def test_folds_and_converts_before_test():
    runner = _runner()
    hook = InferenceSpeedupHook()
    # validation inside training leaves the model alone
    assert InferenceSpeedupHook.before_val is Hook.before_val
    assert InferenceSpeedupHook.before_train is Hook.before_train
    hook.before_test(runner)
    model = runner.model.module
    assert not model.training
    assert not any(isinstance(m, nn.BatchNorm2d) for m in model.modules())
    assert model.backbone[0].weight.is_contiguous(
        memory_format=torch.channels_last)
    assert not model.head[0].weight.is_contiguous(
        memory_format=torch.channels_last)


def test_options():
    runner = _runner()
    InferenceSpeedupHook(fuse_conv_bn=False, channels_last=False).before_test(
        runner)
    model = runner.model.module
    assert sum(isinstance(m, nn.BatchNorm2d) for m in model.modules()) == 2
