"""Soft assignment by entropic optimal transport with an "unmatched" slot."""
from typing import List, Sequence

import torch
from torch import Tensor, nn

# cost of padded entries: their kernel underflows to 0 but stays finite, so
# no -inf - -inf (NaN) appears in the iterations or their gradients
_PAD_COST = 1e3


def sinkhorn_assign_batch(dists: Sequence[Tensor],
                          max_cost: float = 0.5,
                          epsilon: float = 0.05,
                          num_iters: int = 50) -> List[Tensor]:
    """Soft matching of each [h_i, w_i] cost matrix, values in [0, 1], all
    matrices padded into one batch.

    Every row and column may also go to a dummy slot of cost
    ``max_cost / 2``, so a pair is matched only where it costs less than
    ``max_cost``, the price of leaving both of its ends unmatched. Rows and
    columns each carry mass 1; the dummy row absorbs ``h`` and the dummy
    column ``w``. Log-domain Sinkhorn iterations keep it stable for small
    ``epsilon`` and differentiable throughout.
    """
    out: List[Tensor] = [d.new_zeros(d.shape) for d in dists]
    live = [i for i, d in enumerate(dists) if d.numel() > 0]
    if not live:
        return out
    ref = dists[live[0]]
    hs = [dists[i].shape[0] for i in live]
    ws = [dists[i].shape[1] for i in live]
    b, hh, ww = len(live), max(hs) + 1, max(ws) + 1
    # slot 0 of each axis is the dummy; real entries follow, then padding
    cost = ref.new_full((b, hh, ww), _PAD_COST)
    log_a = ref.new_full((b, hh), -_PAD_COST)
    log_b = ref.new_full((b, ww), -_PAD_COST)
    for k, (i, h, w) in enumerate(zip(live, hs, ws)):
        cost[k, 0, :w + 1] = max_cost / 2
        cost[k, :h + 1, 0] = max_cost / 2
        cost[k, 0, 0] = 0.0
        cost[k, 1:h + 1, 1:w + 1] = dists[i]
        log_a[k, 0] = float(w)
        log_a[k, 1:h + 1] = 1.0
        log_b[k, 0] = float(h)
        log_b[k, 1:w + 1] = 1.0
    real_a, real_b = log_a > 0, log_b > 0
    log_a = torch.where(real_a, log_a.clamp(min=1e-12).log(), log_a)
    log_b = torch.where(real_b, log_b.clamp(min=1e-12).log(), log_b)
    log_k = -cost / epsilon
    u = torch.zeros_like(log_a)
    v = torch.zeros_like(log_b)
    for _ in range(num_iters):
        u = log_a - torch.logsumexp(log_k + v[:, None, :], dim=2)
        v = log_b - torch.logsumexp(log_k + u[:, :, None], dim=1)
    plan = torch.exp(log_k + u[:, :, None] + v[:, None, :])
    for k, (i, h, w) in enumerate(zip(live, hs, ws)):
        out[i] = plan[k, 1:h + 1, 1:w + 1].clamp(0.0, 1.0)
    return out


def sinkhorn_assign(dist: Tensor,
                    max_cost: float = 0.5,
                    epsilon: float = 0.05,
                    num_iters: int = 50) -> Tensor:
    """:func:`sinkhorn_assign_batch` of one [h, w] matrix."""
    return sinkhorn_assign_batch([dist], max_cost, epsilon, num_iters)[0]


class SinkhornMatcher(nn.Module):
    """Training-free differentiable matcher (entropic OT); see
    :func:`sinkhorn_assign_batch` for the arguments."""

    def __init__(self,
                 max_cost: float = 0.5,
                 epsilon: float = 0.05,
                 num_iters: int = 50) -> None:
        super().__init__()
        self.max_cost = max_cost
        self.epsilon = epsilon
        self.num_iters = num_iters

    def forward(self, dists: Sequence[Tensor]) -> List[Tensor]:
        """One soft assignment per [h, w] matrix, in one batched run."""
        return sinkhorn_assign_batch(dists, self.max_cost, self.epsilon,
                                     self.num_iters)
