"""The core matchers (``deepmot.matchers``) registered with MMTracking's
models; the DHN matcher also reads ``SupervisedDHN`` training
checkpoints."""
from typing import Optional

from mmtrack.registry import MODELS
from torch import nn

from deepmot.matchers import DHNMatcher as _DHNMatcher
from deepmot.matchers import (DualSoftmaxMatcher, HungarianMatcher,
                              SinkhornMatcher)
from ..dhn.dhn_io import load_dhn

for _matcher in (DualSoftmaxMatcher, HungarianMatcher, SinkhornMatcher):
    MODELS.register_module(module=_matcher)


@MODELS.register_module()
class DHNMatcher(_DHNMatcher):
    """``deepmot.matchers.DHNMatcher`` whose ``checkpoint`` may also be a
    ``SupervisedDHN`` training checkpoint (mmengine's format) or a URL."""

    def load(self, checkpoint: Optional[str]) -> nn.Module:
        """The frozen DHN of ``checkpoint`` (None: the shipped one)."""
        return load_dhn(checkpoint)
