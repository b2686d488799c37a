"""The shipped DHN file format (``meta.dhn_cfg`` and a state dict):
reading, saving and loading, with torch alone. The default weights ship
inside the package."""
import os.path as osp
from typing import Any, Callable, Dict, List, Optional, Tuple

import torch
from torch import nn

from .network import DeepHungarianNet

DEFAULT_DHN = osp.join(osp.dirname(osp.abspath(__file__)),
                       'dhn_lines_h32.pth')

DHNParts = Tuple[dict, Dict[str, torch.Tensor]]
# Readers of files that are not in the shipped format, tried in order by
# load_dhn: ``reader(path) -> (dhn config, weights)``, or None when the file
# is not theirs. A framework adapter adds its own (mmdeepmot: SupervisedDHN
# training checkpoints and URLs), so one load_dhn and one DHNMatcher serve.
DHN_READERS: List[Callable[[str], Optional[DHNParts]]] = []


def register_dhn_reader(
        reader: Callable[[str], Optional[DHNParts]]
) -> Callable[[str], Optional[DHNParts]]:
    """Add ``reader`` to ``DHN_READERS`` (once); usable as a decorator.

    Args:
        reader (callable): ``path -> (dhn config, weights)`` or None.
    """
    if reader not in DHN_READERS:
        DHN_READERS.append(reader)
    return reader


def read_file(path: str, what: str = 'checkpoint') -> Any:
    """The contents of a local checkpoint file; missing, empty, truncated
    or otherwise unreadable files raise an error that names the file
    (torch's and pickle's own errors do not).

    Args:
        path (str): the file.
        what (str): what the file should hold, for messages. Defaults to
            'checkpoint'.
    """
    if not osp.isfile(path):
        raise FileNotFoundError(f'no {what} file {path}')
    if osp.getsize(path) == 0:
        raise RuntimeError(f'{path}: the {what} file is empty')
    try:
        return torch.load(path, map_location='cpu', weights_only=False)
    except Exception as err:
        raise RuntimeError(f'{path}: cannot read the {what} '
                           f'({type(err).__name__}: {err})') from err


def split_shipped(ckpt: Any, path: str
                  ) -> Optional[Tuple[dict, Dict[str, torch.Tensor]]]:
    """(DHN config, weights) of a shipped-format checkpoint dict, None
    when ``ckpt`` is a dict of another format."""
    if not isinstance(ckpt, dict):
        raise ValueError(f'{path} holds no DeepHungarianNet (a '
                         f'{type(ckpt).__name__}, not a checkpoint dict)')
    meta = ckpt.get('meta', {}) or {}
    if 'dhn_cfg' not in meta:
        return None
    return dict(meta['dhn_cfg']), ckpt.get('state_dict', ckpt)


def save_dhn(dhn: nn.Module,
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


def build_dhn(dhn_cfg: dict) -> DeepHungarianNet:
    """``DeepHungarianNet(**options)`` of a ``type='DeepHungarianNet'``
    config."""
    options = dict(dhn_cfg)
    kind = options.pop('type', 'DeepHungarianNet')
    if kind != 'DeepHungarianNet':
        raise ValueError(f'not a DeepHungarianNet config: type {kind!r}')
    options.pop('init_cfg', None)  # OpenMMLab's; the weights replace it
    return DeepHungarianNet(**options)


def freeze_for_use(dhn: nn.Module, weights: Dict[str, torch.Tensor],
                   device: str, freeze: bool) -> nn.Module:
    """``dhn`` with ``weights``, on ``device``, in eval mode, and with
    ``freeze`` without parameter gradients."""
    dhn.load_state_dict(weights)
    dhn.to(device).eval()
    if freeze:
        dhn.requires_grad_(False)
    return dhn


def load_dhn(path: Optional[str] = None,
             device: str = 'cpu',
             freeze: bool = True) -> nn.Module:
    """The DHN of a shipped-format file (or of a file a registered reader
    reads, ``DHN_READERS``), in eval mode.

    With ``freeze`` its parameters do not require gradients, but gradients
    still flow through it to its input distance matrix.

    Args:
        path (str, optional): a shipped-format file (``meta.dhn_cfg``), or
            one a reader of ``DHN_READERS`` takes. Defaults to None: the
            weights shipped in the package (``DEFAULT_DHN``).
        device (str): where to put it. Defaults to 'cpu'.
        freeze (bool): parameters without gradients. Defaults to True.

    Returns:
        nn.Module: the ``DeepHungarianNet``.
    """
    path = path or DEFAULT_DHN
    parts = None
    if '://' not in path:
        parts = split_shipped(read_file(path, 'DHN checkpoint'), path)
    for reader in DHN_READERS:
        if parts is not None:
            break
        parts = reader(path)
    if parts is None:
        raise ValueError(
            f'{path} holds no DeepHungarianNet: expected a shipped DHN file '
            '("meta.dhn_cfg")' + (
                '' if DHN_READERS else
                '; a SupervisedDHN training checkpoint is read once '
                'mmdeepmot is imported, or exported by tools/export_dhn.py'))
    cfg, weights = parts
    return freeze_for_use(build_dhn(cfg), weights, device, freeze)
