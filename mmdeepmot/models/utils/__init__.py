from .frozen_modules import FastFrozenForward, FrozenModulesMixin, submodule
from .inference_speedup import (CHANNELS_LAST_PARTS, channels_last_parts,
                                run_channels_last, speed_up_inference)

__all__ = [
    'FastFrozenForward', 'FrozenModulesMixin', 'submodule',
    'CHANNELS_LAST_PARTS', 'channels_last_parts', 'run_channels_last',
    'speed_up_inference'
]
