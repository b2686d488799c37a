"""mmcv was built with its C++ ops and they compute the right thing."""
import torch
from mmcv.ops import RoIAlign, nms


def test_nms_suppresses_overlaps():
    boxes = torch.tensor([[0, 0, 10, 10], [1, 1, 10, 10], [20, 20, 30, 30]],
                         dtype=torch.float32)
    scores = torch.tensor([0.9, 0.8, 0.7])
    dets, keep = nms(boxes, scores, iou_threshold=0.5)
    assert keep.tolist() == [0, 2]
    assert dets.shape == (2, 5)


def test_roi_align_averages_constant_region():
    feat = torch.zeros(1, 1, 16, 16)
    feat[..., 4:12, 4:12] = 2.0
    rois = torch.tensor([[0, 5, 5, 11, 11]], dtype=torch.float32)
    out = RoIAlign((4, 4), spatial_scale=1.0, sampling_ratio=2)(feat, rois)
    assert out.shape == (1, 1, 4, 4)
    assert torch.allclose(out, torch.full_like(out, 2.0))
