"""DeepMOTSiamRPN: the batched step against mmtrack's one-by-one SiamRPN,
births, deaths and ids on a scripted scene, and the clip loss."""
import os.path as osp

import numpy as np
import pytest
import torch
from addict import Dict
from mmdet.structures.bbox import bbox_cxcywh_to_xyxy
from mmengine.config import Config
from mmengine.dataset import pseudo_collate
from mmengine.registry import init_default_scope
from mmtrack.registry import DATASETS, MODELS
from mmtrack.structures import TrackDataSample

import mmdeepmot  # noqa: F401

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))


def build(config='deepmot_siamrpn_r18-c16_1xb2-clip3-300it_toy.py', **model):
    cfg = Config.fromfile(osp.join(ROOT, 'configs', 'deepmot_siamrpn', config))
    init_default_scope('mmtrack')
    for key, value in model.items():
        if key == 'tracker':  # the class's defaults, then these rules
            value = dict(type='SiamRPNMOTTracker', **value)
        cfg.model[key] = value  # replaces (update() would merge dicts)
    if cfg.model.get('deepmot_loss') is not None:
        cfg.model.deepmot_loss.matcher = dict(type='SinkhornMatcher',
                                              max_cost=1.0)
    torch.manual_seed(0)
    return MODELS.build(cfg.model), cfg


def test_batched_step_equals_mmtrack_one_by_one():
    model, _ = build()
    model.eval()
    torch.manual_seed(1)
    img = torch.rand(1, 3, 96, 160) * 255
    boxes = torch.tensor([[40., 50., 14., 36.], [90., 40., 12., 30.],
                          [150., 80., 16., 40.]])  # cx, cy, w, h
    avg = img.mean(dim=(0, 2, 3))
    with torch.no_grad():
        feats = model.templates([img] * 3, boxes, [avg] * 3)
        out = model.track_step([img] * 3, boxes, feats, [avg] * 3,
                               [(96, 160)] * 3)
        sample = TrackDataSample(metainfo=dict(ori_shape=(96, 160)))
        for i, box in enumerate(boxes):
            model.memo = Dict(bbox=box.clone())
            model.init(img)
            one = model.track(img, [sample])[0]
            assert torch.allclose(bbox_cxcywh_to_xyxy(out['boxes'][i]),
                                  one.bboxes[0], atol=1e-3), i
            assert torch.allclose(out['scores'][i], one.scores, atol=1e-5)


class ScriptedSteps:
    """Stands in for the network: tracks keep their boxes and take the
    scores scripted per frame (by track id)."""

    def __init__(self, model, scores):
        self.model, self.scores = model, scores
        self.frame = 0

    def __call__(self, imgs, boxes, feats, avgs, shapes):
        ids = self.model.tracker.live
        s = [self.scores.get(self.frame, {}).get(i, 0.9) for i in ids]
        return dict(boxes=boxes.clone(), scores=torch.tensor(s))


def run_frame(model, script, frame, dets):
    script.frame = frame
    sample = TrackDataSample(metainfo=dict(
        frame_id=frame, img_shape=(96, 160), ori_shape=(96, 160),
        public_bboxes=np.array(dets, dtype=np.float32).reshape(-1, 5)))
    out = model.predict(dict(img=torch.rand(1, 1, 3, 96, 160)), [sample])
    res = out[0].pred_track_instances
    return dict(zip(res.instances_id.tolist(), res.bboxes.tolist()))


def test_births_deaths_and_ids_on_a_scripted_scene():
    model, _ = build(tracker=dict(max_lost=1, death_score_thr=0.3,
                                  birth_iou_thr=0.3, det_score_thr=0.5))
    model.eval()
    a, b = [10, 10, 30, 60, 0.9], [100, 20, 120, 70, 0.8]
    weak = [60, 20, 80, 70, 0.2]
    # track 1 (b) scores low from frame 2 on: lost at 2, dead after 3
    script = ScriptedSteps(model, {2: {1: 0.1}, 3: {1: 0.1}})
    model.track_step = script
    with torch.no_grad():
        f0 = run_frame(model, script, 0, [a, b, weak])
        assert sorted(f0) == [0, 1]  # the weak detection starts nothing
        f1 = run_frame(model, script, 1, [a, b])
        assert sorted(f1) == [0, 1]  # covered detections: no new tracks
        assert f1[0] == pytest.approx(a[:4], abs=1e-4)
        f2 = run_frame(model, script, 2, [a])
        assert sorted(f2) == [0]  # 1 is lost: not reported, still held
        assert 1 in model.tracker.live
        run_frame(model, script, 3, [a])
        assert 1 not in model.tracker.live  # dead after max_lost frames
        f4 = run_frame(model, script, 4, [a, b])
        assert sorted(f4) == [0, 2]  # b comes back under a new id
        # a new video starts over
        assert sorted(run_frame(model, script, 0, [b])) == [0]


def test_reid_revives_a_dead_track():
    model, _ = build(tracker=dict(max_lost=0, reid_thr=0.5,
                                  reid_frames=10))
    model.eval()
    script = ScriptedSteps(model, {1: {0: 0.1}})
    model.track_step = script
    img = torch.rand(1, 1, 3, 96, 160)
    box = [10, 10, 30, 60, 0.9]

    def frame(fid, dets):
        script.frame = fid
        sample = TrackDataSample(metainfo=dict(
            frame_id=fid, img_shape=(96, 160), ori_shape=(96, 160),
            public_bboxes=np.array(dets, np.float32).reshape(-1, 5)))
        res = model.predict(dict(img=img), [sample])[0].pred_track_instances
        return res.instances_id.tolist()

    with torch.no_grad():
        assert frame(0, [box]) == [0]
        assert frame(1, []) == []  # dies at once (max_lost 0)
        # the same template comes back: same id
        assert frame(2, [box]) == [0]


def test_nms_kills_the_weaker_of_two_overlapping_tracks():
    model, _ = build(tracker=dict(nms_iou_thr=0.5, max_lost=3))
    model.eval()
    script = ScriptedSteps(model, {1: {0: 0.6, 1: 0.9}})
    model.track_step = script
    a = [10, 10, 30, 60, 0.9]
    a2 = [12, 10, 32, 60, 0.9]
    with torch.no_grad():
        # two births in one frame may overlap; the step then decides
        assert sorted(run_frame(model, script, 0, [a, a2])) == [0, 1]
        assert sorted(run_frame(model, script, 1, [])) == [1]
        run_frame(model, script, 2, [])
        assert model.tracker.live == [1]


def unsupported(model):
    """The live tracks' counts of frames without support, from the store."""
    tracker = model.tracker
    return tracker.get('unsupported', tracker.live).tolist()


def test_tracks_without_detection_support_die():
    # scores stay high (a drifted Siamese tracker), detections decide
    model, _ = build(tracker=dict(support_iou_thr=0.5, max_unsupported=1,
                                  max_lost=5))
    model.eval()
    script = ScriptedSteps(model, {})
    model.track_step = script
    a, b = [10, 10, 30, 60, 0.9], [100, 20, 120, 70, 0.8]
    off_b = [106, 20, 126, 70, 0.8]  # IoU 0.54 with b: still support
    with torch.no_grad():
        assert sorted(run_frame(model, script, 0, [a, b])) == [0, 1]
        assert sorted(run_frame(model, script, 1, [a])) == [0, 1]
        assert unsupported(model) == [0, 1]
        assert sorted(run_frame(model, script, 2, [a, off_b])) == [0, 1]
        # the count starts over
        assert unsupported(model) == [0, 0]
        run_frame(model, script, 3, [a])
        assert sorted(run_frame(model, script, 4, [a])) == [0]
        assert model.tracker.live == [0]  # 2 frames unsupported > 1
    # switched off: the same scene keeps both tracks
    model, _ = build(tracker=dict(support_iou_thr=None))
    model.eval()
    script = ScriptedSteps(model, {})
    model.track_step = script
    with torch.no_grad():
        run_frame(model, script, 0, [a, b])
        for frame in range(1, 20):
            run_frame(model, script, frame, [a])
        assert model.tracker.live == [0, 1]


@pytest.mark.parametrize('config', [
    'deepmot_siamrpn_r18-c16_1xb2-clip3-300it_toy.py',
    'vanilla_siamrpn_r18-c16_1xb2-clip3-300it_toy.py'
])
def test_clip_loss_and_gradients(tiny_toy_mot, config):
    model, cfg = build(config)
    model.train()
    assert not model.backbone.training  # frozen in the twins
    data = cfg.train_dataloader.dataset
    data.data_root = tiny_toy_mot + '/'
    # the whole tiny video (its half-train-fit part holds a clip or two)
    data.ann_file = 'annotations/train_cocoformat.json'
    dataset = DATASETS.build(data)
    batch = model.data_preprocessor(
        pseudo_collate([dataset[0], dataset[4]]), training=True)
    losses = model.loss(batch['inputs'], batch['data_samples'])
    assert {'loss_rpn_cls', 'loss_rpn_bbox'} <= set(losses)
    total = sum(v for k, v in losses.items() if k.startswith('loss'))
    assert torch.isfinite(total)
    if config.startswith('deepmot'):
        assert {'loss_dmota', 'loss_dmotp', 'dmota'} <= set(losses)
        model.zero_grad()
        (losses['loss_dmota'] + losses['loss_dmotp']).backward()
        grads = {n: p.grad for n, p in model.named_parameters()}
        assert any(g is not None and g.abs().sum() > 0
                   for n, g in grads.items() if n.startswith('head.reg'))
        assert any(g is not None and g.abs().sum() > 0
                   for n, g in grads.items() if n.startswith('neck'))
        assert all(g is None for n, g in grads.items()
                   if n.startswith('backbone'))
    else:
        assert 'loss_dmota' not in losses
