"""Frozen parts of a model, named by dotted paths (``detector.backbone``)."""
import copy
from typing import List, Sequence, Tuple, Union

from mmcv.cnn import fuse_conv_bn
from torch import nn

from .inference_speedup import run_channels_last


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

    def freeze(self, names: Union[str, Sequence[str], None],
               fast: bool = False) -> None:
        """Freeze the parts at these dotted names.

        Args:
            names (str | Sequence[str] | None): ``detector.backbone``, ...
            fast (bool): run each frozen part through a copy with its
                batch norms folded, channels-last (``FastFrozenForward``).
                Defaults to False.
        """
        names = [names] if isinstance(names, str) else list(names or [])
        for name in names:
            module = submodule(self, name)
            module.eval()
            for p in module.parameters():
                p.requires_grad = False
            if fast:
                # an instance attribute: nn.Module.__call__ finds it first
                module.forward = FastFrozenForward(module)
        self.frozen_modules = names

    def train(self, mode: bool = True) -> nn.Module:
        """``nn.Module.train``, the frozen parts left in eval mode."""
        super().train(mode)
        for name in self.frozen_modules:
            submodule(self, name).eval()
        return self


class FastFrozenForward:
    """The forward of a frozen part through a faster copy of it: batch
    norms folded into the convolutions, channels-last layout
    (``speed_up_inference``), outputs in the default layout.

    A frozen part is in eval mode and takes no gradient, so the copy
    computes what it computes (up to float rounding) while the part keeps
    its module tree and state dict: checkpoints are unchanged. The copy is
    made again whenever the part's parameters or buffers change in place
    (loading a checkpoint) or move to another device. Gradients still
    reach the part's input through the copy.

    Args:
        module (nn.Module): the frozen part.
    """

    def __init__(self, module: nn.Module) -> None:
        self.module = module
        self._copy = None
        self._key = None

    def _state_key(self) -> Tuple:
        tensors = list(self.module.parameters()) + list(self.module.buffers())
        return tuple((t.device, t.data_ptr(), t._version) for t in tensors)

    def fast_copy(self) -> nn.Module:
        """The part's folded, channels-last copy, made again if stale."""
        key = self._state_key()
        if self._copy is None or key != self._key:
            # the copy must not carry this forward (nor copy this object)
            part = copy.deepcopy(self.module, memo={id(self): None})
            part.__dict__.pop('forward', None)
            part.eval()
            fuse_conv_bn(part)
            for p in part.parameters():
                p.requires_grad = False
            self._copy = run_channels_last(part)
            self._key = key
        return self._copy

    def __call__(self, *args, **kwargs):
        return self.fast_copy()(*args, **kwargs)

    def __deepcopy__(self, memo: dict) -> 'FastFrozenForward':
        # a deep-copied model gets a fast forward of its own copy of the
        # part, not this one's
        return FastFrozenForward(copy.deepcopy(self.module, memo))
