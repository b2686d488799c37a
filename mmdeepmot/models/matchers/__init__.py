"""The matcher contract of the loss (distance matrices in, assignments
out): ``deepmot.matchers``' classes and their one registry; the DHN network
lives in ``models/dhn``."""
from deepmot.matchers import sinkhorn_assign
from .registered_matchers import (MATCHERS, DHNMatcher, DualSoftmaxMatcher,
                                  HungarianMatcher, SinkhornMatcher,
                                  register_matcher)

__all__ = [
    'MATCHERS', 'DHNMatcher', 'DualSoftmaxMatcher', 'HungarianMatcher',
    'SinkhornMatcher', 'register_matcher', 'sinkhorn_assign'
]
