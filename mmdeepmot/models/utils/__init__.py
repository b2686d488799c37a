from .frozen_modules import FrozenModulesMixin, submodule

__all__ = ['FrozenModulesMixin', 'submodule']
