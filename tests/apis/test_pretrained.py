"""Published weights named by URL: kept where cached or reachable, else
refused naming each URL and the option, or (allowed) dropped for random
weights with a message naming each."""
import copy
import os

import pytest

from mmdeepmot.apis.pretrained import (PretrainedUnreachable,
                                       drop_unreachable_pretrained,
                                       pretrained_urls)


def _model(url):
    return dict(
        type='X',
        init_cfg=dict(type='Pretrained', checkpoint=url),
        backbone=dict(init_cfg=[
            dict(type='Kaiming', layer='Conv2d'),
            dict(type='Pretrained', checkpoint='torchvision://resnet50')]),
        neck=dict(init_cfg=dict(type='Pretrained',
                                checkpoint='checkpoints/local.pth')))


def test_unreachable_urls_are_refused_or_dropped(tmp_path, monkeypatch):
    monkeypatch.setenv('TORCH_HOME', str(tmp_path / 'torch'))
    model = _model('https://weights.invalid/mot/detector-1234.pth')
    assert [w for w, _ in pretrained_urls(model)] == [
        'model.init_cfg', 'model.backbone.init_cfg']
    kept = copy.deepcopy(model)
    with pytest.raises(PretrainedUnreachable) as info:
        drop_unreachable_pretrained(model, timeout=0.5)
    text = str(info.value)
    assert 'https://weights.invalid/mot/detector-1234.pth' in text
    assert 'torchvision://resnet50' in text
    assert 'allow_random_pretrained=True' in text
    assert model == kept  # refused: the config is as it was
    messages = drop_unreachable_pretrained(model, timeout=0.5,
                                           allow_random=True)
    assert len(messages) == 2
    assert messages[0].startswith('model.init_cfg: pretrained weights '
                                  'https://weights.invalid/mot/detector')
    assert 'starting from random weights' in messages[0]
    assert model['init_cfg'] is None
    # a list keeps its other entries; a local file is not touched
    assert model['backbone']['init_cfg'] == [
        dict(type='Kaiming', layer='Conv2d')]
    assert model['neck']['init_cfg']['checkpoint'] == 'checkpoints/local.pth'


def test_cached_weights_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv('TORCH_HOME', str(tmp_path / 'torch'))
    cache = tmp_path / 'torch' / 'hub' / 'checkpoints'
    os.makedirs(cache)
    (cache / 'detector-1234.pth').write_bytes(b'x')
    (cache / 'resnet50-0676ba61.pth').write_bytes(b'x')
    model = _model('https://weights.invalid/mot/detector-1234.pth')
    assert drop_unreachable_pretrained(model, timeout=0.5) == []
    assert model['init_cfg']['type'] == 'Pretrained'
    assert len(model['backbone']['init_cfg']) == 2
