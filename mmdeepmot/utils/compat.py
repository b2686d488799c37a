"""The one place that reaches into OpenMMLab's private API, and the fixes
the pinned stack needs (numpy 2, torch 2.13), each scoped to the calls that
need it: importing mmdeepmot changes no attribute of numpy, torch or
mmengine.

- mmengine 0.10.7 loads local checkpoints with ``torch.load``'s default,
  which torch >= 2.6 turned into ``weights_only=True``; mmengine's own
  resume files hold numpy and config objects that this refuses.
  :func:`checkpoint_loaders` puts a loader in place for the length of
  a ``with`` block that chooses per file (:func:`load_local_checkpoint`).
- mmengine's pytorch launcher calls ``torch.cuda.set_device`` also for
  processes that run on CPU over gloo; a CPU build of torch then raises
  (:func:`cpu_set_device`).
- motmetrics 1.4.0 calls ``np.asfarray``, which numpy 2 removed
  (:func:`numpy1_aliases`, used where our tests and benchmarks call it).
"""
import logging
import os.path as osp
import pickle
from collections import OrderedDict
from contextlib import contextmanager
from typing import Any, Dict, Iterator, Sequence

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
    'int': int,  # mmtrack/mmdet test utilities
    'float': float,  # mmtrack ytviseval
    'object': object,
    'asfarray': _asfarray,  # motmetrics.distances.iou_matrix
}


@contextmanager
def numpy1_aliases() -> Iterator[Dict[str, Any]]:
    """numpy 1.x names that numpy 2 removed, inside the block only.

    Yields:
        dict: the names this block added (none where numpy has them).
    """
    # vars(), not hasattr(): numpy's module __getattr__ warns on removed names
    added = {k: v for k, v in NUMPY_ALIASES.items() if k not in vars(np)}
    for name, value in added.items():
        setattr(np, name, value)
    try:
        yield added
    finally:
        for name in added:
            delattr(np, name)


def load_local_checkpoint(filename: str, map_location: Any = None) -> Any:
    """A local checkpoint, unpickled only as far as it needs.

    Plain weights load with ``weights_only=True``. A file that holds more
    (mmengine's resume files: numpy scalars, history buffers, the config)
    is loaded in full, as mmengine 0.10.7 did under torch < 2.6: a local
    file is the user's own or one this checkout ships. The name matches
    mmengine's loader, whose log line is derived from it.

    Args:
        filename (str): path of the file.
        map_location (Any): as ``torch.load``'s. Defaults to None.
    """
    filename = osp.expanduser(filename)
    if not osp.isfile(filename):
        raise FileNotFoundError(f'{filename} can not be found.')
    try:
        return torch.load(filename, map_location=map_location,
                          weights_only=True)
    except pickle.UnpicklingError:
        logging.getLogger(__name__).debug(
            '%s holds more than weights: loaded in full', filename)
        return torch.load(filename, map_location=map_location,
                          weights_only=False)


@contextmanager
def checkpoint_loaders() -> Iterator[None]:
    """mmengine's checkpoint schemes, inside the block, with the local one
    set to :func:`load_local_checkpoint` and ``mmdeepmot://mobilenet_v2/``
    reading the weights a registry package ships; restored after it."""
    from mmengine.runner.checkpoint import CheckpointLoader

    from ..models.backbones.mobilenet_v2_weights import (SCHEME,
                                                         load_from_package)
    before = CheckpointLoader._schemes
    schemes = dict(before)
    schemes.update({'': load_local_checkpoint, SCHEME: load_from_package})
    # mmengine tries prefixes longest first (its register_scheme sorts so)
    CheckpointLoader._schemes = OrderedDict(
        sorted(schemes.items(), key=lambda t: t[0], reverse=True))
    try:
        yield
    finally:
        CheckpointLoader._schemes = before


def _cpu_set_device(device: Any) -> None:
    """``torch.cuda.set_device`` without CUDA: nothing to set."""


@contextmanager
def cpu_set_device() -> Iterator[None]:
    """``torch.cuda.set_device`` made a no-op inside the block on a machine
    without CUDA (mmengine's launcher calls it for CPU processes too)."""
    if torch.cuda.is_available():
        yield
        return
    real = torch.cuda.set_device
    torch.cuda.set_device = _cpu_set_device
    try:
        yield
    finally:
        torch.cuda.set_device = real


def mmengine_load_checkpoint(path: str, map_location: Any = 'cpu') -> Any:
    """mmengine's private ``_load_checkpoint`` (URLs, ``torchvision://``,
    registered schemes), under :func:`checkpoint_loaders`."""
    from mmengine.runner.checkpoint import _load_checkpoint
    with checkpoint_loaders():
        return _load_checkpoint(path, map_location=map_location)


def roi_bbox_forward(roi_head: Any, feats: Sequence[torch.Tensor],
                     rois: torch.Tensor) -> Dict[str, torch.Tensor]:
    """mmdet's private ``StandardRoIHead._bbox_forward``: class scores and
    box deltas of ``rois`` (``(n, 5)``: image index, x1, y1, x2, y2)."""
    return roi_head._bbox_forward(tuple(feats), rois)
