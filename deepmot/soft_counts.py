"""Soft FP, FN, ID switches and TP of one frame, from a soft assignment.

Rows are predicted tracks (h), columns ground-truth objects (w). The memory
maps each object id to the track id it was last matched to, across frames.
"""
from typing import Dict, MutableMapping, NamedTuple, Optional, Sequence

import torch
from torch import Tensor


class FrameCounts(NamedTuple):
    """Differentiable counts of one frame (0-dim tensors but ``matches``)."""
    fp: Tensor
    fn: Tensor
    ids: Tensor
    tp: Tensor
    dist_sum: Tensor  # sum of distances over the hardened matches
    num_gt: int
    matches: Dict[int, int]  # object id -> track id, hardened


def soft_frame_counts(assign: Tensor, dist: Tensor,
                      track_ids: Sequence[int], gt_ids: Sequence[int],
                      memory: MutableMapping[int, int], delta: float,
                      scale: float,
                      presence: Optional[Tensor] = None) -> FrameCounts:
    """DeepMOT's soft counts of one frame; updates ``memory`` in place.

    ``C^r = softmax_row(scale * [A, delta])``: its delta column is the FP mass
    of each track. ``C^c = softmax_col(scale * [A; delta])``: its delta row is
    the FN mass of each object. An object seen before contributes, as ID
    switches, the mass of ``C^c`` on tracks other than the one it was last
    matched to. Hardened matches (argmax per column, not the delta row) give
    the TP mask, the distances for dMOTP and the new memory.

    ``presence`` (h values in [0, 1], e.g. track scores) weighs each track's
    FP mass: a track that is barely there costs barely an FP. The caller
    scales ``assign``'s rows by it too, so such a track matches nothing.
    """
    h, w = assign.shape
    zero = assign.new_zeros(())
    if w == 0:
        fp = presence.sum() if presence is not None else zero + h
        return FrameCounts(fp, zero, zero, zero, zero, 0, {})
    if h == 0:
        return FrameCounts(zero, zero + w, zero, zero, zero, w, {})
    row_in = torch.cat([assign, assign.new_full((h, 1), delta)], dim=1)
    col_in = torch.cat([assign, assign.new_full((1, w), delta)], dim=0)
    c_row = torch.softmax(scale * row_in, dim=1)
    c_col = torch.softmax(scale * col_in, dim=0)
    fp_mass = c_row[:, w] if presence is None else c_row[:, w] * presence
    fp = fp_mass.sum()
    fn = c_col[h, :].sum()

    row_of_track = {int(t): i for i, t in enumerate(track_ids)}
    ids_mass = []
    for j, gid in enumerate(gt_ids):
        gid = int(gid)
        if gid not in memory:
            continue
        prev = row_of_track.get(memory[gid])
        mass = c_col[:h, j].sum()
        if prev is not None:
            mass = mass - c_col[prev, j]
        ids_mass.append(mass)
    ids = torch.stack(ids_mass).sum() if ids_mass else zero

    best = c_col.detach().argmax(dim=0)
    matched_cols = (best < h).nonzero().flatten()
    matched_rows = best[matched_cols]
    matches = {
        int(gt_ids[j]): int(track_ids[i])
        for i, j in zip(matched_rows.tolist(), matched_cols.tolist())
    }
    memory.update(matches)
    tp = c_col[matched_rows, matched_cols].sum() if len(matched_cols) else \
        zero
    dist_sum = dist[matched_rows, matched_cols].sum() if len(
        matched_cols) else zero
    return FrameCounts(fp, fn, ids, tp, dist_sum, w, matches)
