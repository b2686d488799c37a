"""FrozenModulesMixin: dotted names, no gradients, eval mode through
train(), for both DeepMOT trackers."""
import os.path as osp

import pytest
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
