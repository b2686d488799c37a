"""Training on clips: per-frame inputs of a clip batch, jittered seeds of
tracks, objects no track covers, the loss and frozen parts of a tracker.
Shared by the DeepMOT trackers."""
from typing import Dict, List, Optional, Sequence, Tuple

import torch
from mmdet.structures import DetDataSample
from mmengine.structures import InstanceData
from mmtrack.registry import MODELS
from torch import Tensor

from ...structures import box_iou


def jitter_boxes(boxes: Tensor, shift: float, scale: float,
                 generator: Optional[torch.Generator] = None) -> Tensor:
    """Move box centres by ``shift`` x (w, h) and resize by ``exp(scale)``,
    both Gaussian: the noise of a track carried from one frame to the next."""
    if boxes.numel() == 0:
        return boxes.clone()
    wh = boxes[:, 2:] - boxes[:, :2]
    ctr = (boxes[:, 2:] + boxes[:, :2]) / 2
    noise = torch.randn(boxes.shape, generator=generator).to(boxes)
    ctr = ctr + noise[:, :2] * shift * wh
    wh = wh * torch.exp(noise[:, 2:] * scale)
    return torch.cat([ctr - wh / 2, ctr + wh / 2], dim=1)


def _frame_meta(meta: dict, key: str, k: int, length: int, default=None):
    """``key`` of clip frame ``k`` of ``length``: the key frame's, or the
    k-th ``ref_`` (``PackTrackInputs`` unwraps the list of a single
    reference frame)."""
    if key not in meta:
        if default is None:
            raise KeyError(f'clip frames have no {key!r}')
        return default
    if k == 0:
        return meta[key]
    ref = meta[f'ref_{key}']
    return ref if length == 2 else ref[k - 1]


def clip_frames(inputs: Dict[str, Tensor],
                data_samples: list) -> Tuple[Tensor, List[list]]:
    """Images [N*L, C, H, W] (clip-major) and, per clip, per frame, a
    ``DetDataSample`` with the gt boxes, labels and ``instance_ids``.

    Clips come packed as mmtrack packs reference frames (``MOTClipDataset``
    and ``PackTrackInputs``): frame 0 is the key frame, the others
    ``ref_img`` and ``ref_gt_instances``.
    """
    imgs = inputs['img']
    if 'ref_img' in inputs:
        imgs = torch.cat([imgs, inputs['ref_img']], dim=1)
    length = imgs.shape[1]
    clips = []
    for sample in data_samples:
        meta = sample.metainfo
        frames = []
        for k in range(length):
            if k == 0:
                gt, pick = sample.gt_instances, slice(None)
            else:
                gt = sample.ref_gt_instances
                pick = gt.map_instances_to_img_idx == k - 1
            det = DetDataSample(metainfo=dict(
                img_shape=_frame_meta(meta, 'img_shape', k, length),
                ori_shape=_frame_meta(meta, 'ori_shape', k, length),
                scale_factor=_frame_meta(meta, 'scale_factor', k, length,
                                         (1., 1.)),
                frame_id=_frame_meta(meta, 'frame_id', k, length),
                batch_input_shape=tuple(imgs.shape[-2:]),
                pad_shape=tuple(imgs.shape[-2:])))
            # some transforms (RandomResize) leave float64 boxes
            det.gt_instances = InstanceData(
                bboxes=gt.bboxes[pick].to(imgs.dtype),
                labels=gt.labels[pick])
            det.instance_ids = gt.instances_id[pick].long()
            frames.append(det)
        clips.append(frames)
    return imgs.flatten(0, 1), clips


def uncovered_objects(gt: DetDataSample, live: Tensor,
                      min_iou: float) -> Tensor:
    """Indices of ``gt``'s objects that no live box overlaps by
    ``min_iou``: where training re-seeds tracks."""
    boxes = gt.gt_instances.bboxes
    if len(live) == 0 or len(boxes) == 0:
        return torch.arange(len(boxes))
    iou = box_iou(live.detach(), boxes)
    covered = (iou >= min_iou).any(0)
    return torch.nonzero(~covered).flatten()


def independent_clips_loss(loss, frames_per_clip: List[list]) -> dict:
    """``DeepMOTLoss.forward_clips`` of clips that are each a sequence of
    their own: no match memory from earlier calls, none kept after; one
    matcher call for every frame of every clip."""
    keys = [('clip', n) for n in range(len(frames_per_clip))]
    for key in keys:
        loss.reset(key)
    out = loss.forward_clips(list(zip(frames_per_clip, keys)))
    for key in keys:
        loss.reset(key)
    return out


def build_deepmot_loss(cfg: Optional[dict], own_weight: float,
                       own_name: str) -> Optional[torch.nn.Module]:
    """The tracker's DeepMOT loss (None for a vanilla twin); a tracker with
    neither it nor its own loss (``own_name`` > 0) has nothing to train."""
    if cfg is None and own_weight <= 0:
        raise ValueError(f'nothing to train: no deepmot_loss and '
                         f'{own_name} <= 0')
    return MODELS.build(cfg) if cfg is not None else None


def submodule(model: torch.nn.Module, name: str) -> torch.nn.Module:
    """``model``'s part at the dotted ``name`` (``detector.backbone``)."""
    module = model
    for part in name.split('.'):
        if not hasattr(module, part):
            raise AttributeError(
                f'frozen_modules: {type(model).__name__} has no {name}')
        module = getattr(module, part)
    return module


def eval_frozen(model: torch.nn.Module, names: Sequence[str]) -> None:
    """Put the frozen parts back in eval mode (BN statistics, dropout)
    after ``model.train()``."""
    for name in names:
        submodule(model, name).eval()
