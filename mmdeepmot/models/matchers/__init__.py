"""The matcher contract of the loss (distance matrices in, assignments
out), registered from ``deepmot.matchers``; the DHN network lives in
``models/dhn``."""
from deepmot.matchers import sinkhorn_assign
from .registered_matchers import (DHNMatcher, DualSoftmaxMatcher,
                                  HungarianMatcher, SinkhornMatcher)

__all__ = [
    'DHNMatcher', 'DualSoftmaxMatcher', 'HungarianMatcher',
    'SinkhornMatcher', 'sinkhorn_assign'
]
