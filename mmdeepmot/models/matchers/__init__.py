from .dhn import DeepHungarianNet
from .dhn_io import DEFAULT_DHN, load_dhn, read_dhn_checkpoint, save_dhn
from .dhn_matcher import DHNMatcher
from .hungarian import HungarianMatcher
from .sinkhorn import SinkhornMatcher, sinkhorn_assign
from .supervised_dhn import SupervisedDHN, weighted_focal_bce

__all__ = [
    'DeepHungarianNet', 'SupervisedDHN', 'weighted_focal_bce', 'DHNMatcher',
    'HungarianMatcher', 'SinkhornMatcher', 'sinkhorn_assign', 'DEFAULT_DHN',
    'load_dhn', 'read_dhn_checkpoint', 'save_dhn'
]
