"""The real-start (MobileNetV2) PETS09-S2L1 Tracktor configs: the same
stage 0 as the small network's, only the detector and its start differ, and
the two starts differ only in their weights, padding and normalisation."""
import os.path as osp

import pytest
from mmengine.config import Config

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
PETS = osp.join(ROOT, 'configs', 'pets09')


def _load(name):
    return Config.fromfile(osp.join(PETS, name)).to_dict()


def test_stage0_differs_from_the_small_one_in_the_detector_only():
    small = _load('tracktor_detector_pets09.py')
    mbv2 = _load('tracktor_detector_pets09_mbv2person.py')
    assert small.pop('load_from').endswith('mot17drawn.pth')
    assert mbv2.pop('load_from') is None  # the package's weights start it
    det = mbv2['model'].pop('detector')
    small['model'].pop('detector')
    assert mbv2['model'].pop('data_preprocessor')['mean'] == [127.5] * 3
    small['model'].pop('data_preprocessor')
    for key in ('mbv2_person', 'mbv2_imagenet', 'mbv2_person_preprocessor',
                'mbv2_imagenet_preprocessor'):
        mbv2.pop(key)
    assert mbv2 == small
    assert det['backbone']['init_cfg']['checkpoint'] == \
        'mmdeepmot://mobilenet_v2/person'
    assert det['neck']['in_channels'] == [24, 32, 96, 1280]


def test_the_two_starts_differ_in_weights_padding_and_normalisation():
    person = _load('tracktor_detector_pets09_mbv2person.py')
    imagenet = _load('tracktor_detector_pets09_mbv2imagenet.py')
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
    register_all_modules(init_default_scope=True)
    cfg = _load(f'tracktor_detector_pets09_mbv2{start}.py')
    model = MODELS.build(cfg['model'])
    model.init_weights()
    want = convert_mobilenet_v2(start)['state_dict']
    got = model.detector.backbone.state_dict()
    assert all(torch.equal(got[k], want[k]) for k in want)
