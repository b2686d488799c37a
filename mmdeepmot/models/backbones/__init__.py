from .mobilenet_v2_weights import (SCHEME, SOURCES, convert_mobilenet_v2,
                                   load_from_package, source_file)
from .same_pad_mobilenet_v2 import (DilatedMobileNetV2, SamePadMobileNetV2,
                                    dilate_to_stride, use_same_padding)

__all__ = [
    'SamePadMobileNetV2', 'DilatedMobileNetV2', 'dilate_to_stride',
    'use_same_padding', 'SOURCES', 'convert_mobilenet_v2', 'source_file',
    'load_from_package', 'SCHEME'
]
