"""BackboneEmbedder: frozen, unit-length embeddings that tell crops apart."""
import pytest
import torch
from mmtrack.registry import MODELS
from mmtrack.utils import register_all_modules

register_all_modules(init_default_scope=False)


def _embedder(pretrained: bool = True):
    backbone = dict(type='MobileNetV2', out_indices=(7, ))
    if pretrained:
        backbone['init_cfg'] = dict(
            type='Pretrained', checkpoint='mmdeepmot://mobilenet_v2/imagenet')
    model = MODELS.build(dict(type='BackboneEmbedder', backbone=backbone))
    model.init_weights()
    return model


def test_embeddings_are_unit_length_and_frozen():
    model = _embedder()
    model.train()
    assert not model.training and not model.backbone.training
    assert not any(p.requires_grad for p in model.parameters())
    assert model.head.out_channels == 1280
    torch.manual_seed(0)
    crops = torch.randn(3, 3, 128, 64)
    embeds = model(crops, mode='tensor')
    assert embeds.shape == (3, 1280)
    torch.testing.assert_close(embeds.norm(dim=1), torch.ones(3))
    # the same crop twice embeds alike; different crops do not
    again = model(crops[:1], mode='tensor')
    torch.testing.assert_close(again[0], embeds[0], atol=1e-5, rtol=0)
    assert torch.cdist(embeds, embeds)[0, 1] > 1e-3


def test_pretrained_at_build():
    from mmdeepmot.models.backbones import convert_mobilenet_v2
    model = MODELS.build(dict(type='BackboneEmbedder', backbone=dict(
        type='MobileNetV2', out_indices=(7, ), init_cfg=dict(
            type='Pretrained',
            checkpoint='mmdeepmot://mobilenet_v2/imagenet'))))
    want = convert_mobilenet_v2('imagenet')['state_dict']
    got = model.backbone.state_dict()
    assert all(torch.equal(got[k], want[k]) for k in want)


def test_only_tensor_mode():
    with pytest.raises(ValueError, match="no mode 'loss'"):
        _embedder(pretrained=False)(torch.zeros(1, 3, 64, 32), mode='loss')


def test_weights_stay_out_of_checkpoints_and_load_as_built():
    import torch.nn as nn
    model = nn.ModuleDict(dict(reid=_embedder(), head=nn.Linear(2, 2)))
    state = model.state_dict()
    assert sorted(state) == ['head.bias', 'head.weight']
    before = {k: v.clone() for k, v in model['reid']._own_state().items()}
    other = nn.ModuleDict(dict(reid=_embedder(), head=nn.Linear(2, 2)))
    other.load_state_dict(state, strict=True)  # nothing missing
    after = other['reid']._own_state()
    assert all(torch.equal(before[k], after[k]) for k in before)
