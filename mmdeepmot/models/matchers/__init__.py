from .dhn import DeepHungarianNet
from .dhn_matcher import DHNMatcher
from .dhn_trainer import DHNTrainer, weighted_focal_bce
from .hungarian import HungarianMatcher
from .sinkhorn import SinkhornMatcher, sinkhorn_assign

__all__ = [
    'DeepHungarianNet', 'DHNTrainer', 'weighted_focal_bce', 'DHNMatcher',
    'HungarianMatcher', 'SinkhornMatcher', 'sinkhorn_assign'
]
