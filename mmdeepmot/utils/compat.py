"""Compatibility fixes that the pinned stack needs (numpy 2, torch 2.13).

The OpenMMLab 1.x/3.x releases and motmetrics 1.4.0 predate numpy 2 and call
aliases that numpy 2 removed; restoring those aliases here, in one place, is
less invasive than patching the packages: each behaves as in numpy 1.x.
mmengine 0.10.7 loads checkpoints with ``torch.load``'s old default
(``weights_only=False``), which torch >= 2.6 changed: its resume files hold
numpy and config objects, so its local loader gets the old default back.
"""
import os.path as osp
from typing import Any, Dict

import numpy as np
import torch


def _asfarray(a: Any, dtype: Any = np.float64) -> np.ndarray:
    """numpy 1.x ``asfarray``: an array of at least float64-like dtype."""
    dtype = np.dtype(dtype)
    if not np.issubdtype(dtype, np.inexact):
        dtype = np.dtype(np.float64)
    return np.asarray(a, dtype=dtype)


# name -> replacement; only set when numpy lacks the attribute.
NUMPY_ALIASES: Dict[str, Any] = {
    'bool': bool,  # mmtrack LoadTrackAnnotations, mmdet mean_ap
    'int': int,  # mmtrack/mmdet test utilities
    'float': float,  # mmtrack ytviseval
    'object': object,
    'asfarray': _asfarray,  # motmetrics.distances.iou_matrix
}


def _numpy_has(name: str) -> bool:
    # vars(), not getattr(): numpy's module __getattr__ warns on removed names
    return name in vars(np)


def load_from_local(filename: str, map_location: Any = None) -> Any:
    """mmengine's local checkpoint loader with ``weights_only=False``.

    The name matches mmengine's, whose log line is derived from it. Only
    local files (the user's own checkpoints) are affected.
    """
    filename = osp.expanduser(filename)
    if not osp.isfile(filename):
        raise FileNotFoundError(f'{filename} can not be found.')
    return torch.load(filename, map_location=map_location, weights_only=False)


def _patch_mmengine_loader() -> bool:
    from mmengine.runner.checkpoint import CheckpointLoader
    if CheckpointLoader._schemes.get('') is load_from_local:
        return False
    CheckpointLoader.register_scheme(prefixes='', force=True)(load_from_local)
    return True


def _cpu_set_device(device: Any) -> None:
    """``torch.cuda.set_device`` on a machine without CUDA: nothing to set.

    mmengine's pytorch launcher calls it for every process, also when the
    processes run on CPU over gloo; a CPU build of torch then raises.
    """


def _patch_cuda_set_device() -> bool:
    if torch.cuda.is_available() or torch.cuda.set_device is _cpu_set_device:
        return False
    torch.cuda.set_device = _cpu_set_device
    return True


def apply_compat() -> Dict[str, Any]:
    """Apply every fix once; returns what this call changed."""
    added = {}
    for name, value in NUMPY_ALIASES.items():
        if not _numpy_has(name):
            setattr(np, name, value)
            added[name] = value
    if _patch_mmengine_loader():
        added['mmengine.load_from_local'] = load_from_local
    if _patch_cuda_set_device():
        added['torch.cuda.set_device'] = _cpu_set_device
    return added
