"""The Deep Hungarian Net and its shipped weights."""
from .network import DeepHungarianNet
from .weights import (DEFAULT_DHN, DHN_READERS, build_dhn, load_dhn,
                      register_dhn_reader, save_dhn)

__all__ = ['DEFAULT_DHN', 'DHN_READERS', 'DeepHungarianNet', 'build_dhn',
           'load_dhn', 'register_dhn_reader', 'save_dhn']
