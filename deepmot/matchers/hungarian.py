"""Hard 0/1 assignment by the Hungarian method (no gradient)."""
from typing import List, Optional, Sequence, Tuple

import numpy as np
import torch
from torch import Tensor, nn

try:  # scipy's is faster; the core must also work without it
    from scipy.optimize import linear_sum_assignment
except ImportError:  # pragma: no cover - exercised in the torch-only venv
    linear_sum_assignment = None


def min_cost_assignment(cost: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Rows and columns of a minimum-cost one-to-one assignment of a
    [h, w] cost matrix (``min(h, w)`` pairs, rows ascending), as scipy's
    ``linear_sum_assignment``, which is used when installed.

    Args:
        cost (np.ndarray): finite costs.
    """
    cost = np.asarray(cost, dtype=np.float64)
    if linear_sum_assignment is not None:
        return linear_sum_assignment(cost)
    return hungarian_potentials(cost)


def hungarian_potentials(cost: np.ndarray
                         ) -> Tuple[np.ndarray, np.ndarray]:
    """The O(n^2 m) shortest-augmenting-path Hungarian method with row and
    column potentials, in numpy (for matrices of tracking's sizes)."""
    transposed = cost.shape[0] > cost.shape[1]
    a = cost.T if transposed else cost  # n <= m rows
    n, m = a.shape
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    u, v = np.zeros(n + 1), np.zeros(m + 1)
    owner = np.zeros(m + 1, dtype=np.int64)  # column -> row (1-based), 0 free
    way = np.zeros(m + 1, dtype=np.int64)
    for i in range(1, n + 1):
        owner[0], j0 = i, 0
        minv = np.full(m + 1, np.inf)
        used = np.zeros(m + 1, dtype=bool)
        while owner[j0]:
            used[j0] = True
            i0 = owner[j0]
            free = ~used[1:]
            reduced = a[i0 - 1] - u[i0] - v[1:]
            better = free & (reduced < minv[1:])
            minv[1:][better] = reduced[better]
            way[1:][better] = j0
            j1 = int(np.argmin(np.where(free, minv[1:], np.inf))) + 1
            delta = minv[j1]
            u[owner[used]] += delta
            v[used] -= delta
            minv[1:][free] -= delta
            j0 = j1
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    cols = np.nonzero(owner[1:])[0]
    rows = owner[1:][cols] - 1
    if transposed:
        rows, cols = cols, rows
    order = np.argsort(rows)
    return rows[order], cols[order]


class HungarianMatcher(nn.Module):
    """Exact minimum-cost assignment; pairs above ``max_cost`` are dropped.

    Args:
        max_cost (float, optional): pairs costing more stay unmatched.
            Defaults to None (every pair of the assignment kept).
    """

    def __init__(self, max_cost: Optional[float] = None) -> None:
        super().__init__()
        self.max_cost = max_cost

    def forward(self, dists: Sequence[Tensor]) -> List[Tensor]:
        """One 0/1 assignment per [h, w] matrix."""
        out = []
        for d in dists:
            hard = torch.zeros_like(d)
            if d.numel():
                rows, cols = min_cost_assignment(d.detach().cpu().numpy())
                keep = [(r, c) for r, c in zip(rows, cols)
                        if self.max_cost is None or d[r, c] <= self.max_cost]
                for r, c in keep:
                    hard[r, c] = 1.0
            out.append(hard)
        return out
