"""RandomCropWithIds keeps instance ids in line with the boxes."""
import copy

import numpy as np
from mmdet.structures.bbox import HorizontalBoxes

from mmdeepmot.datasets import RandomCropWithIds


def test_crop_drops_ids_of_cropped_boxes():
    boxes = np.array([[0, 0, 10, 10], [80, 80, 95, 95], [40, 40, 60, 60]],
                     np.float32)
    results = dict(
        img=np.zeros((100, 100, 3), np.uint8), img_shape=(100, 100),
        gt_bboxes=HorizontalBoxes(boxes), gt_bboxes_labels=np.zeros(3, int),
        gt_instances_id=np.array([7, 8, 9]),
        gt_ignore_flags=np.array([False, True, False]))
    crop = RandomCropWithIds(crop_size=(30, 30), bbox_clip_border=False,
                             allow_negative_crop=True)
    for _ in range(20):
        out = crop.transform(copy.deepcopy(results))
        n = len(out['gt_bboxes'])
        assert len(out['gt_instances_id']) == n
        assert len(out['gt_ignore_flags']) == n
        assert len(out['gt_bboxes_labels']) == n
        for box_id, flag in zip(out['gt_instances_id'],
                                out['gt_ignore_flags']):
            assert flag == (box_id == 8)  # flags follow their boxes
