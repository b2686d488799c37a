"""mmdet's MobileNetV2 with TensorFlow's ``SAME`` padding at stride 2."""
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
        for module in self.modules():
            if isinstance(module, nn.Conv2d) and max(module.stride) > 1:
                module.padding = (0, 0)
                module.register_forward_pre_hook(_same_pad)
