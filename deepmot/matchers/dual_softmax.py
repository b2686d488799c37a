"""Soft assignment by a row softmax times a column softmax."""
from typing import List, Sequence

import torch
from torch import Tensor, nn


def dual_softmax_assign(dist: Tensor,
                        max_cost: float = 0.5,
                        epsilon: float = 0.05) -> Tensor:
    """Soft matching of one [h, w] cost matrix, values in [0, 1].

    Each row is a softmax over its columns and an "unmatched" slot, each
    column a softmax over its rows and the same slot, at temperature
    ``epsilon``; the assignment is their product, so a pair scores high
    only when each end prefers the other. The slot costs ``max_cost / 2``
    on each side, as Sinkhorn's dummy row and column
    (:func:`sinkhorn_assign_batch`): a pair is preferred to leaving both
    ends unmatched where it costs less than ``max_cost``. One pass instead
    of Sinkhorn's iterations; rows and columns need not sum to one.
    """
    if dist.numel() == 0:
        return dist.new_zeros(dist.shape)
    logits = -dist / epsilon
    h, w = dist.shape
    slot = -max_cost / 2 / epsilon
    rows = torch.softmax(torch.cat([logits, logits.new_full((h, 1), slot)],
                                   dim=1), dim=1)[:, :w]
    cols = torch.softmax(torch.cat([logits, logits.new_full((1, w), slot)],
                                   dim=0), dim=0)[:h]
    return rows * cols


class DualSoftmaxMatcher(nn.Module):
    """Training-free differentiable matcher, cheaper than Sinkhorn; see
    :func:`dual_softmax_assign` for the arguments.

    Args:
        max_cost (float): pairs costing this much or more are not
            preferred to the unmatched slot. Defaults to 0.5.
        epsilon (float): softmax temperature. Defaults to 0.05.
    """

    def __init__(self, max_cost: float = 0.5, epsilon: float = 0.05) -> None:
        super().__init__()
        self.max_cost = max_cost
        self.epsilon = epsilon

    def forward(self, dists: Sequence[Tensor]) -> List[Tensor]:
        """One soft assignment per [h, w] matrix."""
        return [dual_softmax_assign(d, self.max_cost, self.epsilon)
                for d in dists]
