"""The frozen, shipped Deep Hungarian Net as a matcher for the loss."""
from typing import List, Optional, Sequence

import torch
from torch import Tensor, nn

from ..dhn.weights import load_dhn
from .blocks import split_blocks


class DHNMatcher(nn.Module):
    """Soft assignment by a frozen DHN, all matrices in one padded call.

    The DHN is kept outside the module tree: it is not trained, so it stays
    out of the optimizer, of ``state_dict`` and of the tracker's
    checkpoints; it follows the input's device at call time.

    Args:
        checkpoint: DHN weights; ``None`` uses the shipped file.
        split_above: when set, pairs at this distance or more are never
            matched (their assignment is 0) and each matrix is cut into the
            independent blocks the closer pairs connect; the DHN reads the
            blocks (all of them in one call) instead of the whole matrix.
            Its cost grows with h x w per matrix, so on CPU this is much
            cheaper for scenes of many tracks; ``None`` (the paper) reads
            whole matrices. With an IoU gate in the loss, far pairs count
            for nothing anyway.
    """

    def __init__(self,
                 checkpoint: Optional[str] = None,
                 split_above: Optional[float] = None) -> None:
        super().__init__()
        self.checkpoint = checkpoint
        self.split_above = split_above
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
            object.__setattr__(self, '_dhn', self.load(self.checkpoint))
        return self._dhn

    def load(self, checkpoint: Optional[str]) -> nn.Module:
        """The frozen DHN of ``checkpoint`` (None: the shipped one)."""
        return load_dhn(checkpoint)

    def forward(self, dists: Sequence[Tensor]) -> List[Tensor]:
        """One soft assignment per [h, w] matrix."""
        if len(dists) == 0:
            return []
        dhn = self.dhn
        device = dists[0].device
        if next(dhn.parameters()).device != device:
            dhn.to(device)
        dhn.eval()  # a parent's .train() must not switch on dropout here
        if self.split_above is None:
            return dhn(list(dists))
        return self._blockwise(dhn, dists)

    def _blockwise(self, dhn: nn.Module,
                   dists: Sequence[Tensor]) -> List[Tensor]:
        blocks = [
            split_blocks((d.detach() < self.split_above).cpu().numpy())
            for d in dists
        ]
        subs = [d[torch.as_tensor(r)[:, None], torch.as_tensor(c)]
                for d, bs in zip(dists, blocks) for r, c in bs]
        outs = iter(dhn(subs))
        assigns = []
        for d, bs in zip(dists, blocks):
            assign = d.new_zeros(d.shape)
            for r, c in bs:
                rows = torch.as_tensor(r, device=d.device)[:, None]
                cols = torch.as_tensor(c, device=d.device)[None, :]
                rows, cols = torch.broadcast_tensors(rows, cols)
                assign = assign.index_put((rows, cols), next(outs))
            assigns.append(assign)
        return assigns
