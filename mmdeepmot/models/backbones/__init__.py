from mmengine.runner import CheckpointLoader

from .mobilenet_v2_weights import (SCHEME, SOURCES, convert_mobilenet_v2,
                                   load_from_package, source_file)
from .same_pad_mobilenet_v2 import SamePadMobileNetV2

# configs name package-shipped weights as mmdeepmot://mobilenet_v2/<source>
CheckpointLoader.register_scheme(SCHEME, load_from_package, force=True)

__all__ = [
    'SamePadMobileNetV2', 'SOURCES', 'convert_mobilenet_v2', 'source_file',
    'load_from_package', 'SCHEME'
]
