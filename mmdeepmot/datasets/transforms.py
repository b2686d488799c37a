"""Transforms MMTracking's MOT training needs that mmdet lacks."""
from typing import Optional, Tuple

import numpy as np
from mmdet.datasets.transforms import RandomCrop
from mmtrack.registry import TRANSFORMS


@TRANSFORMS.register_module()
class RandomCropWithIds(RandomCrop):
    """mmdet's ``RandomCrop`` that also drops the ``gt_instances_id`` of
    the boxes it crops away (mmdet's keeps them, so ids and boxes no longer
    line up and packing fails)."""

    def _crop_data(self, results: dict, crop_size: Tuple[int, int],
                   allow_negative_crop: bool) -> Optional[dict]:
        ids = results.get('gt_instances_id')
        if ids is None or results.get('gt_bboxes') is None:
            return super()._crop_data(results, crop_size,
                                      allow_negative_crop)
        flags = results.get('gt_ignore_flags')
        # the parent filters gt_ignore_flags by the kept boxes: let it
        # filter box indices instead, then put the flags back
        results['gt_ignore_flags'] = np.arange(len(ids))
        out = super()._crop_data(results, crop_size, allow_negative_crop)
        if out is None:
            results['gt_ignore_flags'] = flags
            return None
        kept = out['gt_ignore_flags']
        out['gt_instances_id'] = ids[kept]
        if flags is None:
            del out['gt_ignore_flags']
        else:
            out['gt_ignore_flags'] = flags[kept]
        return out
