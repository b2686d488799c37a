"""The training unroll shared by the DeepMOT trackers: jitter, births,
options; ClipTracks, the training state."""
import pytest
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


def test_unroll_options_are_checked():
    import os.path as osp

    from mmengine.config import Config
    from mmengine.registry import init_default_scope
    from mmtrack.registry import MODELS
    root = osp.dirname(osp.dirname(osp.dirname(osp.dirname(
        osp.abspath(__file__)))))
    init_default_scope('mmtrack')
    cfg = Config.fromfile(
        osp.join(root, 'configs', 'deepmot_siamrpn',
                 'vanilla_siamrpn_r18-c16_1xb2-clip3-300it_toy.py'))
    cfg.model.unroll_cfg = dict(death_iou=0.3)
    with pytest.raises(KeyError, match="unknown option.*'death_iou'"):
        MODELS.build(cfg.model)
    cfg.model.unroll_cfg = dict(death_iou_thr=0.4)
    assert MODELS.build(cfg.model).unroll_cfg['death_iou_thr'] == 0.4
    cfg.model.unroll_cfg = None
    cfg.model.head.type = 'SiameseRPNHead'
    with pytest.raises(TypeError, match='MultiSiameseRPNHead'):
        MODELS.build(cfg.model)
    cfg.model.head.type = 'MultiSiameseRPNHead'
    cfg.model.sot_loss_weight = 0.0
    with pytest.raises(ValueError, match='nothing to train'):
        MODELS.build(cfg.model)


def test_clip_tracks_keep_rows_with_their_memory():
    from mmdeepmot.models.mot import ClipTracks
    tracks = ClipTracks(next_id=5)
    memory = (torch.arange(3.).view(3, 1), )
    tracks.add(torch.rand(3, 4), [0, 1, 2], [10, 11, 12], memory)
    moved = torch.arange(12.).view(3, 4)
    tracks.keep(torch.tensor([2, 0]), moved, (memory[0] * 2, ))
    assert tracks.ids == [2, 0] and tracks.targets == [12, 10]
    assert tracks.boxes.tolist() == [[8., 9., 10., 11.], [0., 1., 2., 3.]]
    assert tracks.memory[0].flatten().tolist() == [4., 0.]
    tracks.add(torch.zeros(1, 4), tracks.new_ids(1), [13],
               (torch.ones(1, 1), ))
    assert tracks.ids == [2, 0, 5] and len(tracks) == 3
    assert tracks.memory[0].flatten().tolist() == [4., 0., 1.]
    with pytest.raises(ValueError, match='2 boxes for 1 ids'):
        tracks.add(torch.zeros(2, 4), [8], [1, 2], None)
