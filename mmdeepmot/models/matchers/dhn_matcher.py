"""The frozen, shipped Deep Hungarian Net as a matcher for the loss."""
from typing import List, Optional, Sequence

from mmtrack.registry import MODELS
from torch import Tensor, nn


@MODELS.register_module()
class DHNMatcher(nn.Module):
    """Soft assignment by a frozen DHN, all matrices in one padded call.

    The DHN is kept outside the module tree: it is not trained, so it stays
    out of the optimizer, of ``state_dict`` and of the tracker's
    checkpoints; it follows the input's device at call time.

    Args:
        checkpoint: DHN weights; ``None`` uses the shipped file.
    """

    def __init__(self, checkpoint: Optional[str] = None) -> None:
        super().__init__()
        self.checkpoint = checkpoint
        self.reload()

    def reload(self) -> None:
        """Drop the loaded DHN; the next call reads ``self.checkpoint``."""
        # object.__setattr__: a Module assigned normally would be registered
        # as a submodule (and saved, and moved, with its parent)
        object.__setattr__(self, '_dhn', None)

    @property
    def dhn(self) -> nn.Module:
        """The frozen DHN, loaded on first use."""
        if self._dhn is None:
            from mmdeepmot.apis import load_dhn
            object.__setattr__(self, '_dhn', load_dhn(self.checkpoint))
        return self._dhn

    def forward(self, dists: Sequence[Tensor]) -> List[Tensor]:
        """One soft assignment per [h, w] matrix."""
        if len(dists) == 0:
            return []
        dhn = self.dhn
        device = dists[0].device
        if next(dhn.parameters()).device != device:
            dhn.to(device)
        dhn.eval()  # a parent's .train() must not switch on dropout here
        return dhn(list(dists))
