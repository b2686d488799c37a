"""mmdet's MobileNetV2 with TensorFlow's ``SAME`` padding at stride 2, and
with its last strides turned into dilations (stride-8 features, as
SiamRPN++'s MobileNetV2 has them)."""
import math
from typing import Tuple

import torch.nn as nn
import torch.nn.functional as F
from mmdet.models.backbones import MobileNetV2
from mmdet.registry import MODELS


def _same_pad(conv: nn.Conv2d, args: Tuple) -> Tuple:
    """Forward pre-hook: pad the input as TensorFlow's ``SAME`` does.

    TensorFlow puts the odd pixel of a stride-2 convolution's padding after
    the input (bottom, right) where PyTorch pads both sides alike; weights
    trained with the first see features shifted by half a pixel per stride-2
    layer under the second.
    """
    x = args[0]
    pads = []
    for size, k, s in zip(reversed(x.shape[-2:]),
                          reversed(conv.kernel_size), reversed(conv.stride)):
        total = max((math.ceil(size / s) - 1) * s + k - size, 0)
        pads += [total // 2, total - total // 2]
    return (F.pad(x, pads), ) + tuple(args[1:])


def use_same_padding(backbone: nn.Module) -> None:
    """Pad every strided convolution of ``backbone`` as TensorFlow does."""
    for module in backbone.modules():
        if isinstance(module, nn.Conv2d) and max(module.stride) > 1:
            module.padding = (0, 0)
            module.register_forward_pre_hook(_same_pad)


def dilate_to_stride(backbone: MobileNetV2, output_stride: int) -> None:
    """Replace the strides past ``output_stride`` by dilations.

    As DeepLab does: a block whose stride would take the features below
    ``output_stride`` keeps stride 1 and the dilation so far, and the
    blocks after it use twice that dilation.
    """
    stride, dilation = 2, 1  # conv1 halves the input
    for name in backbone.layers:
        for block in getattr(backbone, name).children():
            if not hasattr(block, 'depthwise_conv'):
                continue  # conv2, the last 1x1 convolution
            conv = block.depthwise_conv.conv
            block_dilation = dilation
            if conv.stride[0] > 1:
                if stride >= output_stride:
                    dilation *= conv.stride[0]
                    conv.stride = (1, 1)
                else:
                    stride *= conv.stride[0]
            conv.dilation = (block_dilation, block_dilation)
            conv.padding = (block_dilation * (conv.kernel_size[0] // 2), ) * 2


@MODELS.register_module()
class SamePadMobileNetV2(MobileNetV2):
    """MobileNetV2 whose strided 3x3 convolutions pad as TensorFlow's.

    For weights trained in TensorFlow (the SSDLite person detector's,
    ``mmdeepmot://mobilenet_v2/person``). The module tree and the state dict
    are mmdet's ``MobileNetV2``'s; only the padding of the five stride-2
    convolutions changes. Takes the arguments of mmdet's ``MobileNetV2``.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        use_same_padding(self)


@MODELS.register_module()
class DilatedMobileNetV2(MobileNetV2):
    """MobileNetV2 with features at ``output_stride`` (dilated after it),
    for Siamese trackers, as SiamRPN++'s MobileNetV2 (stride 8; its
    ``out_indices`` there are 2, 4 and 6: 32, 96 and 320 channels).

    Args:
        output_stride (int): 8, 16 or 32 (mmdet's). Defaults to 8.
        same_padding (bool): pad the remaining strided convolutions as
            TensorFlow (for the ``person`` weights). Defaults to False.
        **kwargs: the arguments of mmdet's ``MobileNetV2``.
    """

    def __init__(self, output_stride: int = 8, same_padding: bool = False,
                 **kwargs) -> None:
        if output_stride not in (8, 16, 32):
            raise ValueError(f'output_stride must be 8, 16 or 32, got '
                             f'{output_stride}')
        super().__init__(**kwargs)
        dilate_to_stride(self, output_stride)
        if same_padding:
            use_same_padding(self)
