"""MultiSiameseRPNHead.predict_tracks equals SiameseRPNHead.predict_by_feat
run once per track."""
import os.path as osp

import torch
from mmdet.structures.bbox import bbox_cxcywh_to_xyxy
from mmengine.config import Config
from mmengine.registry import init_default_scope
from mmtrack.registry import MODELS

import mmdeepmot  # noqa: F401

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))


def test_batch_equals_one_by_one():
    cfg = Config.fromfile(
        osp.join(ROOT, 'configs', 'deepmot_siamrpn',
                 'stage0_siamrpn_r18-c16_1xb2-1000it_toy.py'))
    init_default_scope('mmtrack')
    head_cfg = cfg.model.head.copy()
    head_cfg.update(train_cfg=cfg.model.train_cfg.rpn,
                    test_cfg=cfg.model.test_cfg.rpn)
    head = MODELS.build(head_cfg).eval()
    torch.manual_seed(0)
    num, anchors = 4, head.anchor_generator.num_base_anchors[0]
    cls_score = torch.randn(num, 2 * anchors, 9, 9)
    bbox_pred = torch.randn(num, 4 * anchors, 9, 9) * 0.1
    prev = torch.tensor([[40., 50., 14., 36.], [90., 40., 12., 30.],
                         [150., 80., 16., 40.], [20., 20., 30., 60.]])
    scale = torch.tensor([1.5, 2.0, 1.2, 0.8])
    shape = (96, 160)
    boxes, scores = head.predict_tracks(cls_score, bbox_pred, prev, scale,
                                        [shape] * num)
    for i in range(num):
        one = head.predict_by_feat(cls_score[i:i + 1], bbox_pred[i:i + 1],
                                   prev[i], scale[i],
                                   [dict(ori_shape=shape)])[0]
        assert torch.allclose(bbox_cxcywh_to_xyxy(boxes[i]), one.bboxes[0],
                              atol=1e-3), i
        assert torch.allclose(scores[i], one.scores, atol=1e-5), i
