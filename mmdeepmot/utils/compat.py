"""Compatibility fixes that the pinned stack needs under numpy 2.

The OpenMMLab 1.x/3.x releases and motmetrics 1.4.0 predate numpy 2 and call
aliases that numpy 2 removed. Restoring those aliases here, in one place, is
less invasive than patching the packages: each alias behaves exactly as it did
in numpy 1.x.
"""
from typing import Any, Dict

import numpy as np


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


def apply_compat() -> Dict[str, Any]:
    """Restore removed numpy aliases; returns the ones this call added."""
    added = {}
    for name, value in NUMPY_ALIASES.items():
        if not _numpy_has(name):
            setattr(np, name, value)
            added[name] = value
    return added
