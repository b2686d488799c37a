"""Hard 0/1 assignment by scipy's Hungarian method (no gradient)."""
from typing import List, Optional, Sequence

import torch
from mmtrack.registry import MODELS
from scipy.optimize import linear_sum_assignment
from torch import Tensor, nn


@MODELS.register_module()
class HungarianMatcher(nn.Module):
    """Exact minimum-cost assignment; pairs above ``max_cost`` are dropped."""

    def __init__(self, max_cost: Optional[float] = None) -> None:
        super().__init__()
        self.max_cost = max_cost

    def forward(self, dists: Sequence[Tensor]) -> List[Tensor]:
        """One 0/1 assignment per [h, w] matrix."""
        out = []
        for d in dists:
            hard = torch.zeros_like(d)
            if d.numel():
                rows, cols = linear_sum_assignment(d.detach().cpu().numpy())
                keep = [(r, c) for r, c in zip(rows, cols)
                        if self.max_cost is None or d[r, c] <= self.max_cost]
                for r, c in keep:
                    hard[r, c] = 1.0
            out.append(hard)
        return out
