"""Matchers: a list of [h, w] distance matrices in, one [h, w] assignment
(values in [0, 1]) each out. The loss differentiates through them."""
from typing import Dict, Type, Union

from torch import nn

from .blocks import split_blocks
from .dhn_matcher import DHNMatcher
from .dual_softmax import DualSoftmaxMatcher, dual_softmax_assign
from .hungarian import HungarianMatcher, min_cost_assignment
from .sinkhorn import SinkhornMatcher, sinkhorn_assign, sinkhorn_assign_batch

# the one matcher registry: the names a ``dict(type=NAME, ...)`` matcher
# config may use, in a DeepMOT loss built by hand or from an OpenMMLab config
MATCHERS: Dict[str, Type[nn.Module]] = {
    cls.__name__: cls
    for cls in (DHNMatcher, DualSoftmaxMatcher, HungarianMatcher,
                SinkhornMatcher)
}


def register_matcher(cls: Type[nn.Module]) -> Type[nn.Module]:
    """Add a matcher class to ``MATCHERS`` under its class name; usable as
    a decorator.

    Raises:
        KeyError: when another class holds the name.
    """
    have = MATCHERS.get(cls.__name__)
    if have is not None and have is not cls:
        raise KeyError(f'matcher name {cls.__name__!r} is taken by {have}')
    MATCHERS[cls.__name__] = cls
    return cls


def build_matcher(matcher: Union[dict, nn.Module]) -> nn.Module:
    """A matcher module from ``dict(type=NAME, **options)`` (a name of
    ``MATCHERS``); a module is returned as it is.

    Raises:
        KeyError: for an unknown ``type``, naming the known ones.
    """
    if isinstance(matcher, nn.Module):
        return matcher
    if not isinstance(matcher, dict) or 'type' not in matcher:
        raise TypeError(f'matcher must be a module or dict(type=...), got '
                        f'{matcher!r}')
    options = dict(matcher)
    name = options.pop('type')
    if name not in MATCHERS:
        raise KeyError(f'matcher type {name!r} is not one of '
                       f'{sorted(MATCHERS)}')
    return MATCHERS[name](**options)


__all__ = [
    'MATCHERS', 'DHNMatcher', 'DualSoftmaxMatcher', 'HungarianMatcher',
    'SinkhornMatcher', 'build_matcher', 'dual_softmax_assign',
    'register_matcher',
    'min_cost_assignment', 'sinkhorn_assign', 'sinkhorn_assign_batch',
    'split_blocks'
]
