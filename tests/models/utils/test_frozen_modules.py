"""FrozenModulesMixin: dotted names, no gradients, eval mode through
train(), for both DeepMOT trackers; fast frozen parts compute the same."""
import copy
import os.path as osp

import pytest
import torch
from mmengine.config import Config
from mmengine.registry import init_default_scope
from mmtrack.registry import MODELS

import mmdeepmot  # noqa: F401

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))


def build(config, **model):
    folder = 'deepmot_' + config.split('_')[1]
    cfg = Config.fromfile(osp.join(ROOT, 'configs', folder, config))
    init_default_scope('mmtrack')
    cfg.model.update(model)
    return MODELS.build(cfg.model)


@pytest.mark.parametrize('config,name', [
    ('vanilla_siamrpn_r18-c16_1xb2-clip3-300it_toy.py', 'neck.convs'),
    ('vanilla_tracktor_r18-c16-fpn_1xb2-clip3-600it_toy.py',
     'detector.roi_head.bbox_head'),
])
def test_dotted_names_stay_frozen_and_in_eval(config, name):
    model = build(config, frozen_modules=[name])
    part = model
    for attr in name.split('.'):
        part = getattr(part, attr)
    model.train()
    assert not part.training
    assert all(not m.training for m in part.modules())
    assert not any(p.requires_grad for p in part.parameters())
    # the rest trains
    assert any(p.requires_grad for p in model.parameters())
    assert model.training


def test_unknown_name_is_refused():
    with pytest.raises(AttributeError, match='has no neck.nothing'):
        build('vanilla_siamrpn_r18-c16_1xb2-clip3-300it_toy.py',
              frozen_modules=['neck.nothing'])


def test_a_single_name_as_string():
    model = build('vanilla_siamrpn_r18-c16_1xb2-clip3-300it_toy.py',
                  frozen_modules='backbone')
    model.train()
    assert model.frozen_modules == ['backbone']
    assert not model.backbone.training
    assert not any(p.requires_grad for p in model.backbone.parameters())


def _same_model_twice(config, **model):
    torch.manual_seed(0)
    first = build(config, **model)
    second = build(config)
    second.load_state_dict(first.state_dict())
    return first, second


def test_fast_frozen_parts_compute_the_same():
    frozen = ['detector.backbone', 'detector.neck']
    fast, plain = _same_model_twice(
        'vanilla_tracktor_r18-c16-fpn_1xb2-clip3-600it_toy.py',
        frozen_modules=frozen, fast_frozen_modules=True)
    plain.freeze(frozen)
    for model in (fast, plain):
        model.train()
        for m in model.detector.backbone.modules():  # statistics to fold
            if isinstance(m, torch.nn.BatchNorm2d):
                m.running_var.fill_(2.0)
    img = torch.randn(1, 3, 64, 96, requires_grad=True)
    feats = fast.detector.extract_feat(img)
    ref = plain.detector.extract_feat(img)
    for a, b in zip(feats, ref):
        assert a.is_contiguous()
        torch.testing.assert_close(a, b, rtol=1e-4, atol=1e-4)
    # the input still gets its gradient; the frozen weights get none
    grad, = torch.autograd.grad(feats[0].sum(), img)
    ref_grad, = torch.autograd.grad(ref[0].sum(), img)
    torch.testing.assert_close(grad, ref_grad, rtol=1e-3, atol=1e-4)
    # checkpoints keep the plain module tree
    assert fast.state_dict().keys() == plain.state_dict().keys()


def test_fast_frozen_copy_follows_loaded_weights():
    frozen = ['detector.backbone']
    fast, plain = _same_model_twice(
        'vanilla_tracktor_r18-c16-fpn_1xb2-clip3-600it_toy.py',
        frozen_modules=frozen, fast_frozen_modules=True)
    img = torch.randn(1, 3, 64, 64)
    with torch.no_grad():
        before = fast.detector.backbone(img)[0]
        for p in plain.detector.backbone.parameters():
            p.mul_(1.5)
        fast.load_state_dict(plain.state_dict())
        after = fast.detector.backbone(img)[0]
        torch.testing.assert_close(
            after, plain.eval().detector.backbone(img)[0], rtol=1e-4,
            atol=1e-4)
    assert not torch.allclose(before, after)
    # a deep copy of the model runs its own part, not this one
    twin = copy.deepcopy(fast)
    assert twin.detector.backbone.forward.module is twin.detector.backbone
