from .deepmot_hook import DeepMOTHook, deepmot_losses
from .inference_speedup_hook import InferenceSpeedupHook
from .random_state_hook import (RandomStateHook, get_random_state,
                                set_random_state)
from .resume_validation_hook import ResumeValidationHook

__all__ = [
    'DeepMOTHook', 'deepmot_losses', 'InferenceSpeedupHook',
    'RandomStateHook', 'ResumeValidationHook', 'get_random_state',
    'set_random_state'
]
