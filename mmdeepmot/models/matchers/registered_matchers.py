"""The matchers are ``deepmot.matchers``' classes, named in one registry
(``deepmot.matchers.MATCHERS``, which the DeepMOT loss builds matcher
configs from; add one with ``deepmot.matchers.register_matcher``). The DHN
matcher reads ``SupervisedDHN`` training checkpoints and URLs too, through
the reader ``models.dhn.dhn_io`` adds to ``deepmot.dhn``."""
from deepmot.matchers import (MATCHERS, DHNMatcher, DualSoftmaxMatcher,
                              HungarianMatcher, SinkhornMatcher,
                              register_matcher)
from ..dhn import dhn_io  # noqa: F401  (the DHN reader of training files)

__all__ = [
    'MATCHERS', 'DHNMatcher', 'DualSoftmaxMatcher', 'HungarianMatcher',
    'SinkhornMatcher', 'register_matcher'
]
