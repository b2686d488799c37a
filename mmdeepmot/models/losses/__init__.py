from .deepmot_loss import DeepMOTLoss, frame_distance, iou_gate
from .soft_counts import FrameCounts, soft_frame_counts

__all__ = [
    'DeepMOTLoss', 'frame_distance', 'iou_gate', 'FrameCounts',
    'soft_frame_counts'
]
