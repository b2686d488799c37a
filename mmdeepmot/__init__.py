"""mmdeepmot: DeepMOT (Xu et al., CVPR 2020) as an MMTracking plugin.

Importing the package checks the pinned stack, applies the numpy 2
compatibility fixes and registers every component into MMTracking's
registries, so configs with ``default_scope='mmtrack'`` and
``custom_imports=dict(imports=['mmdeepmot'])`` find them.
"""
from .utils.compat import apply_compat
from .utils.env import check_stack

apply_compat()
check_stack()

from . import (apis, datasets, engine, evaluation, models,  # noqa: E402,F401
               visualization)
from .version import __version__  # noqa: E402

__all__ = ['__version__']
