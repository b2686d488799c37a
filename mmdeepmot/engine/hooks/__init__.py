from .deepmot_hook import DeepMOTHook, deepmot_losses

__all__ = ['DeepMOTHook', 'deepmot_losses']
