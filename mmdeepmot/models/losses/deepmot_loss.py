"""The DeepMOT loss registered with MMTracking's models."""
from typing import Union

from mmtrack.registry import MODELS
from torch import nn

from deepmot.loss import DeepMOTLoss as _DeepMOTLoss
from deepmot.loss import frame_distance, iou_gate

__all__ = ['DeepMOTLoss', 'frame_distance', 'iou_gate']


@MODELS.register_module()
class DeepMOTLoss(_DeepMOTLoss):
    """``deepmot.DeepMOTLoss`` whose matcher config is built by MMTracking's
    registry, so that a config may name any registered matcher."""

    def build_matcher(self, matcher: Union[dict, nn.Module]) -> nn.Module:
        """The matcher module of ``matcher`` (a module or a config)."""
        if isinstance(matcher, nn.Module):
            return matcher
        return MODELS.build(matcher)
