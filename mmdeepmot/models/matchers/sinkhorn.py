"""Soft assignment by entropic optimal transport with an "unmatched" slot."""
from typing import List, Sequence

import torch
from mmtrack.registry import MODELS
from torch import Tensor, nn


def sinkhorn_assign(dist: Tensor,
                    max_cost: float = 0.5,
                    epsilon: float = 0.05,
                    num_iters: int = 50) -> Tensor:
    """Soft matching of an [h, w] cost matrix, values in [0, 1].

    Every row and column may also go to a dummy slot of cost
    ``max_cost / 2``, so a pair is matched only where it costs less than
    ``max_cost``, the price of leaving both of its ends unmatched. Rows and
    columns each carry mass 1; the dummy row absorbs ``h`` and the dummy
    column ``w``. Log-domain Sinkhorn iterations
    keep it stable for small ``epsilon`` and differentiable throughout.
    """
    h, w = dist.shape
    if h == 0 or w == 0:
        return dist.new_zeros(h, w)
    cost = dist.new_full((h + 1, w + 1), max_cost / 2)
    cost[:h, :w] = dist
    cost[h, w] = 0.0
    log_k = -cost / epsilon
    log_a = torch.cat([dist.new_zeros(h), dist.new_tensor([float(w)]).log()])
    log_b = torch.cat([dist.new_zeros(w), dist.new_tensor([float(h)]).log()])
    u = torch.zeros_like(log_a)
    v = torch.zeros_like(log_b)
    for _ in range(num_iters):
        u = log_a - torch.logsumexp(log_k + v[None, :], dim=1)
        v = log_b - torch.logsumexp(log_k + u[:, None], dim=0)
    plan = torch.exp(log_k + u[:, None] + v[None, :])
    return plan[:h, :w].clamp(0.0, 1.0)


@MODELS.register_module()
class SinkhornMatcher(nn.Module):
    """Training-free differentiable matcher (entropic OT); see
    :func:`sinkhorn_assign` for the arguments."""

    def __init__(self,
                 max_cost: float = 0.5,
                 epsilon: float = 0.05,
                 num_iters: int = 50) -> None:
        super().__init__()
        self.max_cost = max_cost
        self.epsilon = epsilon
        self.num_iters = num_iters

    def forward(self, dists: Sequence[Tensor]) -> List[Tensor]:
        """One soft assignment per [h, w] matrix."""
        return [
            sinkhorn_assign(d, self.max_cost, self.epsilon,
                            self.num_iters) for d in dists
        ]
