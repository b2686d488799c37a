from .configs import mmtrack_config_path
from .runner import build_runner, load_config

__all__ = ['build_runner', 'load_config', 'mmtrack_config_path']
