"""Reading, saving and loading a Deep Hungarian Net: the compact shipped
format (``meta.dhn_cfg``) and mmengine training checkpoints of
``SupervisedDHN``. The default weights ship inside the package."""
import os.path as osp
from typing import Any, Dict, Optional, Tuple

import torch
from mmengine.config import Config
from mmtrack.registry import MODELS

from ...utils.checkpoint_io import read_checkpoint
from .dhn import DeepHungarianNet  # noqa: F401  (registers it)

PACKAGE_ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
DEFAULT_DHN = osp.join(PACKAGE_ROOT, 'checkpoints', 'dhn_lines_h32.pth')


def _dhn_cfg_and_weights(ckpt: Dict[str, Any],
                         path: str) -> Tuple[dict, Dict[str, torch.Tensor]]:
    """Split a shipped (``meta.dhn_cfg``) or mmengine training checkpoint."""
    meta = ckpt.get('meta', {}) or {}
    state = ckpt.get('state_dict', ckpt)
    if 'dhn_cfg' in meta:
        return dict(meta['dhn_cfg']), state
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
    if not isinstance(ckpt, dict):
        raise ValueError(f'{path} holds no DeepHungarianNet (a '
                         f'{type(ckpt).__name__}, not a checkpoint dict)')
    cfg, weights = _dhn_cfg_and_weights(ckpt, path)
    return cfg, weights, ckpt.get('meta', {}) or {}


def save_dhn(dhn: torch.nn.Module,
             dhn_cfg: dict,
             path: str,
             extra_meta: Optional[dict] = None) -> None:
    """Write the compact checkpoint format that :func:`load_dhn` reads.

    Args:
        dhn (nn.Module): the network.
        dhn_cfg (dict): its config (``type='DeepHungarianNet'``, ...).
        path (str): the file to write.
        extra_meta (dict, optional): more meta (metrics, provenance).
            Defaults to None.
    """
    meta = dict(dhn_cfg=dict(dhn_cfg), **(extra_meta or {}))
    state = {k: v.detach().cpu() for k, v in dhn.state_dict().items()}
    torch.save(dict(meta=meta, state_dict=state), path)


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
    dhn = MODELS.build(cfg)
    dhn.load_state_dict(weights)
    dhn.to(device).eval()
    if freeze:
        dhn.requires_grad_(False)
    return dhn
