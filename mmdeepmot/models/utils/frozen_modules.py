"""Frozen parts of a model, named by dotted paths (``detector.backbone``)."""
from typing import List, Sequence, Union

from torch import nn


def submodule(model: nn.Module, name: str) -> nn.Module:
    """``model``'s part at the dotted ``name`` (``detector.backbone``)."""
    module = model
    for part in name.split('.'):
        if not hasattr(module, part):
            raise AttributeError(
                f'frozen_modules: {type(model).__name__} has no {name}')
        module = getattr(module, part)
    return module


class FrozenModulesMixin:
    """Keeps the parts named in ``frozen_modules`` frozen: their parameters
    take no gradient, and they stay in eval mode (BN statistics, dropout)
    through ``train()``.

    mmtrack's own ``freeze_module`` takes top-level names only and leaves
    a part in training mode at the next ``train()``; both DeepMOT trackers
    use this instead.
    """

    frozen_modules: List[str] = []

    def freeze(self, names: Union[str, Sequence[str], None]) -> None:
        """Freeze the parts at these dotted names.

        Args:
            names (str | Sequence[str] | None): ``detector.backbone``, ...
        """
        names = [names] if isinstance(names, str) else list(names or [])
        for name in names:
            module = submodule(self, name)
            module.eval()
            for p in module.parameters():
                p.requires_grad = False
        self.frozen_modules = names

    def train(self, mode: bool = True) -> nn.Module:
        """``nn.Module.train``, the frozen parts left in eval mode."""
        super().train(mode)
        for name in self.frozen_modules:
            submodule(self, name).eval()
        return self
