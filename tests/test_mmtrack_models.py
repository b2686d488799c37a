"""MMTracking's own Tracktor and SiamRPN configs build and run on CPU.

Pretrained weights cannot be downloaded here, so the ``init_cfg`` entries
that point at them are removed; the networks keep their random init.
"""
import pytest
import torch
from mmengine.config import Config
from mmtrack.registry import MODELS
from mmtrack.testing import demo_mm_inputs
from mmtrack.utils import register_all_modules

from mmdeepmot.apis import mmtrack_config_path

TRACKTOR = ('mot/tracktor/tracktor_faster-rcnn_r50_fpn_8xb2-4e_'
            'mot17halftrain_test-mot17halfval.py')
SIAMRPN = ('sot/siamese_rpn/siamese-rpn_r50_8xb28-20e_imagenetvid-'
           'imagenetdet-coco_base.py')


@pytest.fixture(scope='module', autouse=True)
def registered():
    register_all_modules(init_default_scope=True)


def test_missing_config_is_named():
    with pytest.raises(FileNotFoundError, match='no/such.py'):
        mmtrack_config_path('no/such.py')


def test_tracktor_builds_and_tracks_two_frames():
    cfg = Config.fromfile(mmtrack_config_path(TRACKTOR))
    cfg.model.detector.init_cfg = None
    cfg.model.reid.init_cfg = None
    model = MODELS.build(cfg.model).eval()
    assert type(model).__name__ == 'Tracktor'
    for frame_id in range(2):
        packed = demo_mm_inputs(
            batch_size=1,
            frame_id=frame_id,
            num_ref_imgs=0,
            image_shapes=[(3, 128, 128)])
        data = model.data_preprocessor(packed, False)
        with torch.no_grad():
            out = model(**data, mode='predict')
        assert 'pred_track_instances' in out[0]
        tracks = out[0].pred_track_instances
        assert tracks.bboxes.shape[1] == 4
        assert len(tracks.instances_id) == len(tracks.bboxes)


def test_siamrpn_builds_and_computes_losses():
    cfg = Config.fromfile(mmtrack_config_path(SIAMRPN))
    cfg.model.backbone.init_cfg = None
    model = MODELS.build(cfg.model).train()
    assert type(model).__name__ == 'SiamRPN'
    packed = demo_mm_inputs(
        batch_size=1,
        num_template_imgs=1,
        num_search_imgs=1,
        ref_prefix='search',
        num_items=[1],
        image_shapes=[[(3, 127, 127), (3, 255, 255)]])
    data = model.data_preprocessor(packed, True)
    losses = model(**data, mode='loss')
    assert {'loss_rpn_cls', 'loss_rpn_bbox'} <= set(losses)
    total = sum(v for v in losses.values())
    assert torch.isfinite(total)
    total.backward()
    grads = [p.grad for p in model.head.parameters() if p.grad is not None]
    assert grads and any(g.abs().sum() > 0 for g in grads)
