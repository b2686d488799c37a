from ..models.dhn.dhn_io import (DEFAULT_DHN, load_dhn, read_dhn_checkpoint,
                                 save_dhn)
from ..utils.checkpoint_io import read_checkpoint
from .configs import mmtrack_config_path
from .runner import (build_runner, check_config_paths, checkpoint_fit,
                     latest_checkpoint, load_config)

__all__ = [
    'build_runner', 'load_config', 'mmtrack_config_path', 'load_dhn',
    'save_dhn', 'read_dhn_checkpoint', 'DEFAULT_DHN', 'checkpoint_fit',
    'latest_checkpoint', 'read_checkpoint', 'check_config_paths'
]
