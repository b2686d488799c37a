from .deepmot_hook import DeepMOTHook, deepmot_losses
from .random_state_hook import (RandomStateHook, get_random_state,
                                set_random_state)

__all__ = [
    'DeepMOTHook', 'deepmot_losses', 'RandomStateHook', 'get_random_state',
    'set_random_state'
]
