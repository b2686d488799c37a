from ..models.matchers.dhn_io import (DEFAULT_DHN, load_dhn,
                                      read_dhn_checkpoint, save_dhn)
from .configs import mmtrack_config_path
from .runner import build_runner, load_config

__all__ = [
    'build_runner', 'load_config', 'mmtrack_config_path', 'load_dhn',
    'save_dhn', 'read_dhn_checkpoint', 'DEFAULT_DHN'
]
