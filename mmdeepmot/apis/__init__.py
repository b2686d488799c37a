from .configs import mmtrack_config_path
from .dhn_loader import DEFAULT_DHN, load_dhn, save_dhn
from .runner import build_runner, load_config

__all__ = [
    'build_runner', 'load_config', 'mmtrack_config_path', 'load_dhn',
    'save_dhn', 'DEFAULT_DHN'
]
