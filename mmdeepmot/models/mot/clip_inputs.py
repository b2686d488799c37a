"""A batch of training clips as mmtrack packs it, taken apart frame by
frame (shared by the DeepMOT trackers)."""
from typing import Dict, List, Tuple

import torch
from mmdet.structures import DetDataSample
from mmengine.structures import InstanceData
from torch import Tensor


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
