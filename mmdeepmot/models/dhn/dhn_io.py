"""Reading and loading a Deep Hungarian Net from the shipped format
(``meta.dhn_cfg``, read by ``deepmot.dhn``) or an mmengine training
checkpoint of ``SupervisedDHN``; built through MMTracking's registry."""
from typing import Any, Dict, Optional, Tuple

import torch
from mmengine.config import Config
from mmtrack.registry import MODELS

from deepmot.dhn.weights import (DEFAULT_DHN, freeze_for_use, save_dhn,
                                 split_shipped)
from ...utils.checkpoint_io import read_checkpoint
from .deep_hungarian_net import DeepHungarianNet  # noqa: F401  (registers)

__all__ = ['DEFAULT_DHN', 'load_dhn', 'read_dhn_checkpoint', 'save_dhn']


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


def load_dhn(path: Optional[str] = None,
             device: str = 'cpu',
             freeze: bool = True) -> torch.nn.Module:
    """The DHN of ``path`` in eval mode.

    With ``freeze`` its parameters do not require gradients, but gradients
    still flow through it to its input distance matrix.

    Args:
        path (str, optional): a shipped-format file or a ``SupervisedDHN``
            training checkpoint. Defaults to None: the weights shipped in
            the package (``DEFAULT_DHN``).
        device (str): where to put it. Defaults to 'cpu'.
        freeze (bool): parameters without gradients. Defaults to True.

    Returns:
        nn.Module: the ``DeepHungarianNet``.
    """
    cfg, weights, _ = read_dhn_checkpoint(path or DEFAULT_DHN)
    return freeze_for_use(MODELS.build(cfg), weights, device, freeze)
