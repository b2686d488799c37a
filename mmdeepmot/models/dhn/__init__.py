"""The Deep Hungarian Net in MMTracking: the registered network, its
training model and its files (the network itself is ``deepmot.dhn``)."""
from .deep_hungarian_net import DeepHungarianNet
from .dhn_io import DEFAULT_DHN, load_dhn, read_dhn_checkpoint, save_dhn
from .supervised_dhn import SupervisedDHN, weighted_focal_bce

__all__ = [
    'DEFAULT_DHN', 'DeepHungarianNet', 'SupervisedDHN', 'load_dhn',
    'read_dhn_checkpoint', 'save_dhn', 'weighted_focal_bce'
]
