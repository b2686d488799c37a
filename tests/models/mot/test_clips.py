"""Clip helpers shared by the DeepMOT trackers."""
import torch
from mmdet.structures import DetDataSample
from mmengine.structures import InstanceData

from mmdeepmot.models.mot import jitter_boxes, uncovered_objects


def test_jitter_boxes_keeps_valid_boxes():
    boxes = torch.tensor([[10., 20., 30., 70.], [0., 0., 5., 5.]])
    g = torch.Generator().manual_seed(0)
    out = jitter_boxes(boxes, 0.1, 0.1, generator=g)
    assert out.shape == boxes.shape
    assert (out[:, 2:] > out[:, :2]).all()
    assert not torch.allclose(out, boxes)
    assert torch.equal(jitter_boxes(boxes, 0.0, 0.0), boxes)
    assert jitter_boxes(boxes[:0], 0.1, 0.1).shape == (0, 4)


def test_uncovered_objects_are_those_no_track_overlaps():
    gt = DetDataSample()
    gt.gt_instances = InstanceData(bboxes=torch.tensor(
        [[0., 0., 10., 20.], [50., 50., 60., 70.], [100., 0., 110., 20.]]))
    live = torch.tensor([[1., 0., 11., 20.], [100., 50., 110., 70.]])
    assert uncovered_objects(gt, live, 0.5).tolist() == [1, 2]
    assert uncovered_objects(gt, live[:0], 0.5).tolist() == [0, 1, 2]
