"""The Deep Hungarian Net and its shipped weights."""
from .network import DeepHungarianNet
from .weights import DEFAULT_DHN, build_dhn, load_dhn, save_dhn

__all__ = ['DEFAULT_DHN', 'DeepHungarianNet', 'build_dhn', 'load_dhn',
           'save_dhn']
