from deepmot.soft_counts import FrameCounts, soft_frame_counts
from .deepmot_loss import DeepMOTLoss, frame_distance, iou_gate

__all__ = [
    'DeepMOTLoss', 'frame_distance', 'iou_gate', 'FrameCounts',
    'soft_frame_counts'
]
