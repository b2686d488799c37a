from .frozen_modules import FrozenModulesMixin, submodule
from .inference_speedup import (CHANNELS_LAST_PARTS, channels_last_parts,
                                speed_up_inference)

__all__ = [
    'FrozenModulesMixin', 'submodule', 'CHANNELS_LAST_PARTS',
    'channels_last_parts', 'speed_up_inference'
]
