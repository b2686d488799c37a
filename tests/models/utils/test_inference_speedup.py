"""speed_up_inference: folded batch norms and channels-last parts give the
outputs of the model as it was, and the RoI ops after them read NCHW."""
import pytest
import torch
from mmcv.ops import RoIAlign
from mmdet.models.backbones import MobileNetV2
from mmdet.models.necks import FPN
from torch import nn

from mmdeepmot.models.utils import channels_last_parts, speed_up_inference


class TinyDetector(nn.Module):
    """A backbone and neck, and a head that pools RoIs as mmdet's RoI
    heads do (mmcv's RoIAlign, which reads its input as NCHW)."""

    def __init__(self) -> None:
        super().__init__()
        self.backbone = MobileNetV2(widen_factor=0.25, out_indices=(2, 4))
        self.neck = FPN(in_channels=[8, 24], out_channels=16, num_outs=2)
        self.roi = RoIAlign(output_size=4, spatial_scale=1 / 8,
                            sampling_ratio=2)

    def forward(self, x):
        feats = self.neck(self.backbone(x))
        rois = torch.tensor([[0, 4., 6., 40., 60.], [0, 20., 10., 63., 47.]])
        return feats, self.roi(feats[0], rois)


class Wrapper(nn.Module):

    def __init__(self) -> None:
        super().__init__()
        self.detector = TinyDetector()


def _model():
    torch.manual_seed(0)
    model = Wrapper()
    for m in model.modules():  # batch norms with statistics to fold
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.uniform_(-1, 1)
            m.running_var.uniform_(0.5, 2)
            m.weight.data.uniform_(0.5, 1.5)
            m.bias.data.uniform_(-0.5, 0.5)
    return model.eval()


def test_same_outputs_faster_layout():
    model = _model()
    x = torch.randn(1, 3, 64, 96)
    with torch.no_grad():
        feats, pooled = model.detector(x)
        parts = speed_up_inference(model)
        feats2, pooled2 = model.detector(x)
    assert parts == ['detector.backbone', 'detector.neck']
    assert not any(isinstance(m, nn.BatchNorm2d) for m in model.modules())
    weight = model.detector.backbone.conv1.conv.weight
    assert weight.is_contiguous(memory_format=torch.channels_last)
    assert not weight.is_contiguous()
    for a, b in zip(feats, feats2):
        assert b.is_contiguous()
        torch.testing.assert_close(a, b, rtol=1e-4, atol=1e-4)
    torch.testing.assert_close(pooled, pooled2, rtol=1e-4, atol=1e-4)


def test_roi_ops_need_the_layout_back():
    # why the parts' outputs are made contiguous: mmcv's RoIAlign reads a
    # channels-last tensor's memory as NCHW and pools the wrong values
    model = _model()
    with torch.no_grad():
        feats, pooled = model.detector(torch.randn(1, 3, 64, 96))
        rois = torch.tensor([[0, 4., 6., 40., 60.]])
        wrong = model.detector.roi(
            feats[0].contiguous(memory_format=torch.channels_last), rois)
    assert not torch.allclose(wrong, pooled[:1], atol=1e-3)


def test_options_and_refusals():
    model = _model()
    with torch.no_grad():
        x = torch.randn(1, 3, 64, 96)
        ref = model.detector(x)[1]
        assert speed_up_inference(model, fuse_conv_bn=False,
                                  channels_last=False) == []
        assert any(isinstance(m, nn.BatchNorm2d) for m in model.modules())
        assert speed_up_inference(model, fuse_conv_bn=False,
                                  parts=('neck', )) == ['detector.neck']
        torch.testing.assert_close(model.detector(x)[1], ref)
    with pytest.raises(RuntimeError, match='eval mode'):
        speed_up_inference(_model().train())


def test_outermost_parts_only():
    model = nn.Module()
    model.reid = nn.Module()
    model.reid.backbone = nn.Conv2d(3, 3, 1)
    model.sot = nn.Module()
    model.sot.backbone = nn.Conv2d(3, 3, 1)
    model.sot.head = nn.Conv2d(3, 3, 1)
    assert channels_last_parts(model) == ['reid', 'sot.backbone']
