"""DeepMOTTracktor: clip loss, what it trains, and Tracktor's predict."""
import os.path as osp

import pytest
import torch
from mmengine.config import Config
from mmengine.runner import Runner

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))
CONFIGS = osp.join(ROOT, 'configs', 'deepmot_tracktor')


def toy_cfg(name, root, matcher=None):
    cfg = Config.fromfile(osp.join(CONFIGS, name))
    cfg.train_dataloader.dataset.data_root = root + '/'
    # the whole tiny video (its half-train-fit part holds a clip or two)
    cfg.train_dataloader.dataset.ann_file = 'annotations/train_cocoformat.json'
    cfg.train_dataloader.num_workers = 0
    cfg.train_dataloader.persistent_workers = False
    cfg.load_from = None
    if cfg.model.get('deepmot_loss') is not None:
        # an untrained detector scores everything near 0.5: keep all tracks
        cfg.model.unroll_cfg = dict(obj_score_thr=0.0)
        if matcher is not None:
            cfg.model.deepmot_loss.matcher = matcher
    return cfg


def model_and_batch(cfg, tmp_path):
    cfg.work_dir = str(tmp_path)
    runner = Runner.from_cfg(cfg)
    model = runner.model
    model.train()
    batch = next(iter(runner.train_dataloader))
    data = model.data_preprocessor(batch, training=True)
    return model, data


def grads(model, loss):
    model.zero_grad()
    loss.backward(retain_graph=True)
    return {n: p.grad for n, p in model.named_parameters()}


@pytest.mark.parametrize('matcher', [
    dict(type='SinkhornMatcher', max_cost=1.0), None])
def test_deepmot_loss_reaches_roi_head_only(tiny_toy_mot, tmp_path,
                                            matcher):
    torch.manual_seed(0)
    cfg = toy_cfg('deepmot_tracktor_r18-c16-fpn_1xb2-clip3-600it_toy.py',
                  tiny_toy_mot, matcher)
    model, data = model_and_batch(cfg, tmp_path)
    losses = model.loss(data['inputs'], data['data_samples'])
    for key in ('loss_dmota', 'loss_dmotp', 'loss_bbox', 'loss_cls',
                'loss_rpn_cls'):
        assert key in losses
        value = losses[key]
        value = sum(value) if isinstance(value, list) else value
        assert torch.isfinite(value)
    assert 0 < losses['num_gt']
    g = grads(model, losses['loss_dmota'] + losses['loss_dmotp'])
    reg = g['detector.roi_head.bbox_head.fc_reg.weight']
    assert reg is not None and reg.abs().sum() > 0
    # frozen: backbone, neck and RPN get no gradient and do not require one
    for name, p in model.named_parameters():
        if name.startswith(('detector.backbone', 'detector.neck',
                            'detector.rpn_head')):
            assert not p.requires_grad and g[name] is None, name
    # the frozen DHN is not a parameter of the model
    assert not any('dhn' in n for n, _ in model.named_parameters())


def test_vanilla_twin_has_no_tracking_loss(tiny_toy_mot, tmp_path):
    cfg = toy_cfg('vanilla_tracktor_r18-c16-fpn_1xb2-clip3-600it_toy.py',
                  tiny_toy_mot)
    model, data = model_and_batch(cfg, tmp_path)
    losses = model.loss(data['inputs'], data['data_samples'])
    assert 'loss_dmota' not in losses and 'loss_bbox' in losses
    assert model.training and not model.detector.backbone.training


def test_deepmot_loss_reaches_score_head(tiny_toy_mot, tmp_path):
    torch.manual_seed(0)
    cfg = toy_cfg('deepmot_tracktor_r18-c16-fpn_1xb2-clip3-600it_toy.py',
                  tiny_toy_mot, dict(type='SinkhornMatcher', max_cost=1.0))
    cfg.model.deepmot_loss.use_scores = True
    model, data = model_and_batch(cfg, tmp_path)
    losses = model.loss(data['inputs'], data['data_samples'])
    g = grads(model, losses['loss_dmota'])
    cls = g['detector.roi_head.bbox_head.fc_cls.weight']
    assert cls is not None and cls.abs().sum() > 0


def test_public_detections_replace_rpn_proposals(tiny_toy_mot, tmp_path):
    from mmengine.runner import load_checkpoint

    from mmdeepmot.structures import box_iou
    cfg = Config.fromfile(
        osp.join(CONFIGS,
                 'vanilla_tracktor_r18-c16-fpn_1xb2-clip3-600it_toy.py'))
    cfg.test_dataloader.dataset.data_root = tiny_toy_mot + '/'
    cfg.test_dataloader.num_workers = 0
    cfg.test_dataloader.persistent_workers = False
    cfg.test_dataloader.dataset.pipeline[-1].meta_keys = ('public_bboxes', )
    cfg.work_dir = str(tmp_path)
    cfg.load_from = None
    runner = Runner.from_cfg(cfg)
    model = runner.model
    load_checkpoint(model, osp.join(ROOT, 'checkpoints',
                                    'tracktor_detector_toy.pth'))
    model.eval()
    batch = next(iter(runner.test_dataloader))
    data = model.data_preprocessor(batch, training=False)
    sample = data['data_samples'][0]
    public = torch.as_tensor(sample.metainfo['public_bboxes'])
    assert len(public) > 0

    def detections(public_boxes, use_public=True):
        model.public_detections = use_public
        model.tracker.reset()
        s = sample.clone()
        if public_boxes is not None:
            s.set_metainfo(dict(public_bboxes=public_boxes))
        with torch.no_grad():
            return model.predict(data['inputs'], [s])[0].pred_det_instances

    # the RPN finds people; without public boxes the public mode finds none
    assert len(detections(None, use_public=False).bboxes) > 0
    assert len(detections(public[:0])) == 0
    # every detection is a public box refined by the RoI head
    dets = detections(public)
    assert 0 < len(dets.bboxes) <= len(public)
    iou = box_iou(dets.bboxes.float(), public[:, :4].float())
    assert (iou.max(1).values > 0.5).all()
    # a frame without public boxes in its meta is refused, saying how
    model.public_detections = True
    s = sample.clone()
    s.set_metainfo(dict(public_bboxes=None))
    with pytest.raises(KeyError, match='meta_keys'):
        model.predict(data['inputs'], [s])
