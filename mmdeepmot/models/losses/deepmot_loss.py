"""The DeepMOT loss (``deepmot.DeepMOTLoss``, one class) registered with
MMTracking's models; its matcher configs name ``deepmot.matchers.MATCHERS``
entries."""
from mmtrack.registry import MODELS

from deepmot.loss import DeepMOTLoss, frame_distance, iou_gate

MODELS.register_module(module=DeepMOTLoss)

__all__ = ['DeepMOTLoss', 'frame_distance', 'iou_gate']
