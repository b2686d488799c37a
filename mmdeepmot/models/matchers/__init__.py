from .dhn import DeepHungarianNet
from .dhn_trainer import DHNTrainer, weighted_focal_bce

__all__ = ['DeepHungarianNet', 'DHNTrainer', 'weighted_focal_bce']
