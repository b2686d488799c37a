"""mmdeepmot: DeepMOT (Xu et al., CVPR 2020) as an MMTracking plugin.

Importing the package checks the pinned stack (a clear error where a
missing package or mmcv's missing compiled ops would break it) and
registers every component into MMTracking's registries, so configs with
``default_scope='mmtrack'`` and ``custom_imports=dict(imports=['mmdeepmot'])``
find them. It changes nothing in numpy, torch or mmengine: the fixes the
pinned stack needs are scoped to the calls that need them
(:mod:`mmdeepmot.utils.compat`).
"""
from .utils.env import check_stack

check_stack()

from . import (apis, datasets, engine, evaluation, models,  # noqa: E402,F401
               visualization)
from .version import __version__  # noqa: E402

__all__ = ['__version__']
