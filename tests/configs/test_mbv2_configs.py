"""The real-start (MobileNetV2) PETS09-S2L1 Tracktor configs: the same
stage 0 as the small network's, only the detector and its start differ, and
the two starts differ only in their weights, padding and normalisation."""
import os.path as osp

import pytest
from config_names import config, runner_dict, twin
from mmengine.config import Config


def _load(name):
    return runner_dict(name if osp.isabs(name) else config(name))


def test_stage0_differs_from_the_small_one_in_the_detector_only():
    small = _load('stage0_tracktor_r18-c16-fpn_1xb2-clip2-600it_pets09.py')
    mbv2 = _load('stage0_tracktor_mbv2-fpn_1xb2-clip2-600it_pets09.py')
    assert small.pop('load_from').endswith('mot17drawn.pth')
    assert mbv2.pop('load_from') is None  # the package's weights start it
    det = mbv2['model'].pop('detector')
    small['model'].pop('detector')
    assert mbv2['model'].pop('data_preprocessor')['mean'] == [127.5] * 3
    small['model'].pop('data_preprocessor')
    assert mbv2 == small
    assert det['backbone']['init_cfg']['checkpoint'] == \
        'mmdeepmot://mobilenet_v2/person'
    assert det['neck']['in_channels'] == [24, 32, 96, 1280]


def test_the_two_starts_differ_in_weights_padding_and_normalisation():
    person = _load('stage0_tracktor_mbv2-fpn_1xb2-clip2-600it_pets09.py')
    imagenet = _load(
        'stage0-imagenet_tracktor_mbv2-fpn_1xb2-clip2-600it_pets09.py')
    bp = person['model']['detector'].pop('backbone')
    bi = imagenet['model']['detector'].pop('backbone')
    assert (bp.pop('type'), bi.pop('type')) == ('SamePadMobileNetV2',
                                                'MobileNetV2')
    assert bp.pop('init_cfg')['checkpoint'].endswith('/person')
    assert bi.pop('init_cfg')['checkpoint'].endswith('/imagenet')
    assert bp == bi
    pp = person['model'].pop('data_preprocessor')
    pi = imagenet['model'].pop('data_preprocessor')
    assert pi['mean'] == [123.675, 116.28, 103.53] and pp['std'] == [127.5] * 3
    assert person == imagenet


@pytest.mark.parametrize('start', ['person', 'imagenet'])
def test_the_detector_builds_with_the_package_weights(start):
    import torch
    from mmtrack.registry import MODELS
    from mmtrack.utils import register_all_modules

    from mmdeepmot.models.backbones import convert_mobilenet_v2
    from mmdeepmot.utils import checkpoint_loaders
    register_all_modules(init_default_scope=True)
    role = dict(person='stage0', imagenet='stage0-imagenet')[start]
    cfg = Config.fromfile(
        config(f'{role}_tracktor_mbv2-fpn_1xb2-clip2-600it_pets09.py'))
    model = MODELS.build(cfg.model)
    with checkpoint_loaders():
        model.init_weights()
    want = convert_mobilenet_v2(start)['state_dict']
    got = model.detector.backbone.state_dict()
    assert all(torch.equal(got[k], want[k]) for k in want)


def _model_parts(cfg):
    return {k: cfg['model'].pop(k) for k in
            ('data_preprocessor', 'backbone', 'neck', 'head', 'detector',
             'reid', 'tracker') if k in cfg['model']}


@pytest.mark.parametrize('tracker', ['tracktor', 'siamrpn'])
def test_real_start_twins_differ_from_the_small_ones_in_the_network(
        tracker):
    small = _load(twin('deepmot', tracker, 'pets09'))
    mbv2 = _load(twin('deepmot', tracker, 'pets09_mbv2'))
    assert small.pop('load_from') != mbv2.pop('load_from')
    parts = _model_parts(mbv2)
    _model_parts(small)
    if tracker == 'tracktor':  # the ReID of lost tracks is frozen too
        assert mbv2['model'].pop('frozen_modules')[-1] == 'reid'
        small['model'].pop('frozen_modules')
        assert parts['reid']['type'] == 'BackboneEmbedder'
        assert parts['tracker']['reid']['match_score_thr'] > 0
    else:
        assert parts['backbone']['type'] == 'mmdet.DilatedMobileNetV2'
    assert mbv2 == small
    # and the twins differ by the loss alone
    vanilla = _load(twin('vanilla', tracker, 'pets09_mbv2'))
    deepmot = _load(twin('deepmot', tracker, 'pets09_mbv2'))
    assert vanilla['model'].pop('deepmot_loss') is None
    assert vanilla.pop('custom_hooks') == []
    deepmot['model'].pop('deepmot_loss')
    deepmot.pop('custom_hooks')
    assert vanilla == deepmot
