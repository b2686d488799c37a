"""Reading a Deep Hungarian Net from an mmengine training checkpoint of
``SupervisedDHN`` (or a URL): a reader added to ``deepmot.dhn``'s, so that
its one ``load_dhn`` (and ``DHNMatcher``) reads these files too."""
from typing import Any, Dict, Optional, Tuple

import torch
from mmengine.config import Config

from deepmot.dhn.weights import (DEFAULT_DHN, load_dhn, register_dhn_reader,
                                 save_dhn, split_shipped)
from ...utils.checkpoint_io import read_checkpoint

__all__ = [
    'DEFAULT_DHN', 'load_dhn', 'read_dhn_checkpoint',
    'read_training_checkpoint', 'save_dhn'
]


def _dhn_cfg_and_weights(ckpt: Dict[str, Any],
                         path: str) -> Tuple[dict, Dict[str, torch.Tensor]]:
    """Split a shipped (``meta.dhn_cfg``) or mmengine training checkpoint."""
    shipped = split_shipped(ckpt, path)
    if shipped is not None:
        return shipped
    meta = ckpt.get('meta', {}) or {}
    state = ckpt.get('state_dict', ckpt)
    if 'cfg' in meta:  # written by mmengine's CheckpointHook
        cfg = Config.fromstring(meta['cfg'], '.py')
        weights = {
            k[len('dhn.'):]: v
            for k, v in state.items() if k.startswith('dhn.')
        }
        if weights:
            return cfg.model.dhn.to_dict(), weights
    raise ValueError(f'{path} holds no DeepHungarianNet: expected '
                     '"meta.dhn_cfg" (a shipped file) or a SupervisedDHN '
                     'training checkpoint')


def read_dhn_checkpoint(
        path: str) -> Tuple[dict, Dict[str, torch.Tensor], Dict[str, Any]]:
    """DHN config, DHN weights and the file's meta, from a shipped file or a
    ``SupervisedDHN`` training checkpoint.

    Args:
        path (str): the checkpoint file.

    Returns:
        tuple: (DHN config dict, DHN state dict, the file's meta dict).
    """
    ckpt = read_checkpoint(path, 'DHN checkpoint')
    cfg, weights = _dhn_cfg_and_weights(ckpt, path)
    return cfg, weights, ckpt.get('meta', {}) or {}


@register_dhn_reader
def read_training_checkpoint(
        path: str) -> Optional[Tuple[dict, Dict[str, torch.Tensor]]]:
    """DHN config and weights of a ``SupervisedDHN`` training checkpoint
    or of any DHN file at a URL (``deepmot.dhn.load_dhn`` reads local
    shipped files itself).

    Args:
        path (str): the checkpoint file or URL.
    """
    cfg, weights, _ = read_dhn_checkpoint(path)
    return cfg, weights
