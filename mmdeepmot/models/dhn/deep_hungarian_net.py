"""The Deep Hungarian Net (``deepmot.dhn.DeepHungarianNet``, one class)
registered with MMTracking's models, so that configs build it by name."""
from mmtrack.registry import MODELS

from deepmot.dhn import DeepHungarianNet

MODELS.register_module(module=DeepHungarianNet)

__all__ = ['DeepHungarianNet']
