"""Differentiable distances between boxes (x1, y1, x2, y2), as in DeepMOT.

Every function takes ``a`` of shape ``[..., N, 4]`` and ``b`` of shape
``[..., M, 4]`` and returns ``[..., N, M]``. In mmdeepmot, ``a`` holds the
predicted tracks (rows) and ``b`` the ground-truth objects (columns).
"""
from typing import Union

import torch
from torch import Tensor

_EPS = 1e-9
# pixel coordinates beyond this lose all precision in float32 distances
MAX_COORD = 1e7


def check_boxes(boxes: Tensor, name: str = 'boxes') -> None:
    """Raise ValueError for boxes that are not ``[n, 4]``, non-finite,
    beyond ``MAX_COORD`` pixels, or inverted (x2 < x1, y2 < y1)."""
    if not isinstance(boxes, Tensor):
        raise TypeError(f'{name} must be a torch.Tensor [n, 4], got '
                        f'{type(boxes).__name__}')
    if boxes.dim() != 2 or boxes.shape[-1] != 4:
        raise ValueError(f'{name} must be [n, 4] (4 coordinates x1, y1, x2, '
                         'y2 per box), '
                         f'got shape {tuple(boxes.shape)}')
    if not boxes.is_floating_point():
        raise TypeError(f'{name} must be floating point, got {boxes.dtype}')
    if boxes.numel() == 0:
        return
    if not torch.isfinite(boxes).all():
        bad = (~torch.isfinite(boxes)).any(-1).nonzero()[0].tolist()
        raise ValueError(f'{name} contain NaN or inf (first at index {bad})')
    if boxes.detach().abs().max() > MAX_COORD:
        bad = (boxes.detach().abs() > MAX_COORD).any(-1).nonzero()[0]
        raise ValueError(
            f'{name}[{int(bad)}] = {boxes[bad].tolist()}: coordinates '
            f'beyond {MAX_COORD:g} pixels')
    inverted = (boxes[..., 2] < boxes[..., 0]) | (
        boxes[..., 3] < boxes[..., 1])
    if inverted.any():
        idx = inverted.nonzero()[0].tolist()
        raise ValueError(f'{name} are inverted (x2 < x1 or y2 < y1), first '
                         f'at index {idx}: {boxes[tuple(idx)].tolist()}')


def box_iou(a: Tensor, b: Tensor) -> Tensor:
    """Pairwise intersection over union."""
    lt = torch.maximum(a[..., :, None, :2], b[..., None, :, :2])
    rb = torch.minimum(a[..., :, None, 2:], b[..., None, :, 2:])
    inter = (rb - lt).clamp(min=0).prod(-1)
    area_a = (a[..., 2] - a[..., 0]) * (a[..., 3] - a[..., 1])
    area_b = (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])
    union = area_a[..., :, None] + area_b[..., None, :] - inter
    return inter / union.clamp(min=_EPS)


def jaccard_distance(a: Tensor, b: Tensor) -> Tensor:
    """``1 - IoU``, in [0, 1]."""
    return 1.0 - box_iou(a, b)


def centre_distance(a: Tensor, b: Tensor,
                    img_diag: Union[float, Tensor]) -> Tensor:
    """``1 - exp(-5 * ||c_a - c_b|| / image diagonal)``, in [0, 1)."""
    ca = (a[..., :2] + a[..., 2:]) / 2
    cb = (b[..., :2] + b[..., 2:]) / 2
    sq = ((ca[..., :, None, :] - cb[..., None, :, :])**2).sum(-1)
    # eps keeps the gradient of the norm finite when two centres coincide
    dist = torch.sqrt(sq + _EPS)
    if isinstance(img_diag, Tensor):
        img_diag = img_diag[..., None, None]
    return 1.0 - torch.exp(-5.0 * dist / img_diag)


def deepmot_distance(a: Tensor, b: Tensor,
                     img_diag: Union[float, Tensor]) -> Tensor:
    """DeepMOT's ``(centre distance + Jaccard distance) / 2``, in [0, 1]."""
    return (centre_distance(a, b, img_diag) + jaccard_distance(a, b)) / 2


def image_diagonal(height: float, width: float) -> float:
    """Length of the image diagonal, the normaliser of centre distances;
    the image must have a positive height and width."""
    if not (height > 0 and width > 0):
        raise ValueError(f'img_shape must be a positive (height, width), got '
                         f'({height}, {width})')
    return float((height**2 + width**2)**0.5)
