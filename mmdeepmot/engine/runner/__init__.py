from .compat_runner import CompatRunner

__all__ = ['CompatRunner']
