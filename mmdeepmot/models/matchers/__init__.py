from .dhn import DeepHungarianNet

__all__ = ['DeepHungarianNet']
