"""Differentiable IDF1 and HOTA of a clip, from per-frame soft matches.

Both metrics are functions of per-pair counts over a clip: how often (or
how much) each track id is matched to each object id. Accumulating the
per-frame soft matches that dMOTA already uses into such a co-occurrence
matrix ``S`` (track ids x object ids) makes them differentiable:

- **dIDF1**: the global one-to-one pairing of ids that maximises the paired
  co-occurrence (hardened, as dMOTA's TP mask: a Hungarian assignment on
  the detached ``S``) gives ``IDTP``, the sum of ``S`` over the pairs;
  ``IDF1 = 2 IDTP / (num track boxes + num object boxes)``.
- **dHOTA**: at each localisation threshold alpha, each frame's matched
  pairs count by a soft step of their IoU at alpha; their sum is TP and,
  per id pair, ``S_alpha``. ``DetA = TP / (n_track + n_object - TP)``,
  ``AssA = sum(S_alpha * A) / TP`` with ``A = S_alpha / (n_t + n_o -
  S_alpha)`` per pair, ``HOTA_alpha = sqrt(DetA AssA)``, averaged over
  alpha. The frames' pairs are HOTA's own: a Hungarian assignment on
  ``IoU x global alignment`` (hardened), or a matcher's soft assignment.

With hard steps both equal TrackEval's figures (tests check them on
whole result files). Rows of a frame's matrices are the frame's tracks,
columns its objects, as in :mod:`deepmot.soft_counts`.
"""
from typing import Dict, List, NamedTuple, Optional, Sequence

import numpy as np
import torch
from torch import Tensor

from .matchers.hungarian import min_cost_assignment

# TrackEval's localisation thresholds: 0.05, 0.10, ..., 0.95
HOTA_ALPHAS = tuple(float(a) for a in np.arange(0.05, 0.99, 0.05))
_EPS = float(np.finfo('float').eps)


class IdentityCounts(NamedTuple):
    """Per-id counts of a clip.

    ``cooc[i, j]``: the summed soft matches of track id ``track_ids[i]``
    with object id ``object_ids[j]``; ``track_count`` and ``object_count``:
    boxes per id (soft where tracks are weighted by presence).
    """
    cooc: Tensor
    track_count: Tensor
    object_count: Tensor
    track_ids: List[int]
    object_ids: List[int]


def _index(ids_per_frame: Sequence[Sequence[int]]):
    """The sorted distinct ids and each frame's ids as positions in them."""
    ids = sorted({int(i) for frame in ids_per_frame for i in frame})
    where = {i: k for k, i in enumerate(ids)}
    return ids, [torch.tensor([where[int(i)] for i in frame],
                              dtype=torch.long) for frame in ids_per_frame]


def accumulate_matches(matches: Sequence[Tensor],
                       track_ids: Sequence[Sequence[int]],
                       object_ids: Sequence[Sequence[int]],
                       track_weights: Optional[Sequence[Tensor]] = None
                       ) -> IdentityCounts:
    """Sum per-frame soft matches into per-id-pair co-occurrences.

    Args:
        matches (Sequence[Tensor]): per frame, (h, w) soft matches of its
            tracks (rows) with its objects (columns), in [0, 1].
        track_ids (Sequence[Sequence[int]]): per frame, its h track ids.
        object_ids (Sequence[Sequence[int]]): per frame, its w object ids.
        track_weights (Sequence[Tensor], optional): per frame, (h, ) how
            much each track box counts (e.g. its score); None counts each
            box once. Defaults to None.

    Returns:
        IdentityCounts: the co-occurrence matrix and per-id box counts.
    """
    if not len(matches) == len(track_ids) == len(object_ids):
        raise ValueError(f'{len(matches)} match matrices, {len(track_ids)} '
                         f'track id lists, {len(object_ids)} object id lists')
    t_ids, t_pos = _index(track_ids)
    o_ids, o_pos = _index(object_ids)
    ref = next((m for m in matches if m.numel()), None)
    if ref is None:
        ref = matches[0] if len(matches) else torch.zeros(0)
    cooc = ref.new_zeros((len(t_ids), len(o_ids)))
    t_count = ref.new_zeros(len(t_ids))
    o_count = ref.new_zeros(len(o_ids))
    for k, (m, tp, op) in enumerate(zip(matches, t_pos, o_pos)):
        if tuple(m.shape) != (len(tp), len(op)):
            raise ValueError(f'frame {k}: match matrix of shape '
                             f'{tuple(m.shape)} for {len(tp)} tracks and '
                             f'{len(op)} objects')
        if m.numel():
            rows = tp[:, None].expand_as(m).flatten()
            cols = op[None, :].expand_as(m).flatten()
            cooc = cooc.index_put((rows, cols), m.flatten(), accumulate=True)
        weight = track_weights[k] if track_weights is not None else \
            ref.new_ones(len(tp))
        t_count = t_count.index_put((tp, ), weight, accumulate=True)
        o_count = o_count.index_put((op, ), ref.new_ones(len(op)),
                                    accumulate=True)
    return IdentityCounts(cooc, t_count, o_count, t_ids, o_ids)


def pair_ids(cooc: Tensor):
    """The one-to-one pairing of track ids (rows) with object ids that
    maximises the paired co-occurrence (detached; TrackEval's IDF1 pairing:
    minimising IDFN + IDFP is maximising IDTP).

    Returns:
        tuple[Tensor, Tensor]: paired rows and columns.
    """
    if cooc.numel() == 0:
        empty = torch.zeros(0, dtype=torch.long)
        return empty, empty
    rows, cols = min_cost_assignment(-cooc.detach().cpu().double().numpy())
    return torch.as_tensor(rows), torch.as_tensor(cols)


def soft_idf1(counts: IdentityCounts) -> Dict[str, Tensor]:
    """dIDF1 of a clip's identity counts.

    Args:
        counts (IdentityCounts): from :func:`accumulate_matches`.

    Returns:
        dict[str, Tensor]: ``IDF1``, ``IDTP``, ``IDFP``, ``IDFN`` (0-dim).
    """
    rows, cols = pair_ids(counts.cooc)
    idtp = counts.cooc[rows, cols].sum()
    n_track = counts.track_count.sum()
    n_object = counts.object_count.sum()
    # TrackEval: IDTP / max(1, IDTP + (IDFP + IDFN) / 2)
    idf1 = 2 * idtp / torch.clamp(n_track + n_object, min=2.0)
    return dict(IDF1=idf1, IDTP=idtp, IDFP=n_track - idtp,
                IDFN=n_object - idtp)


def soft_step(value: Tensor, threshold: float,
              temperature: Optional[float]) -> Tensor:
    """``value >= threshold`` as 0/1 (``temperature`` None: TrackEval's
    comparison, with its float epsilon) or a sigmoid of that softness."""
    if temperature is None:
        return (value >= threshold - _EPS).to(value.dtype)
    return torch.sigmoid((value - threshold) / temperature)


def hota_pairs(ious: Sequence[Tensor], track_ids: Sequence[Sequence[int]],
               object_ids: Sequence[Sequence[int]]) -> List[Tensor]:
    """HOTA's per-frame matching, hardened: each frame's Hungarian
    assignment maximising ``IoU x global alignment`` of the id pairs
    (TrackEval's), as 0/1 (h, w) masks.

    The global alignment of a track id and an object id is their summed
    normalised similarity over the clip over the boxes of either, as
    TrackEval computes it before matching.
    """
    sims = [s.detach().double().cpu() for s in ious]
    normalised = []
    for s in sims:
        denom = s.sum(0, keepdim=True) + s.sum(1, keepdim=True) - s
        normalised.append(
            torch.where(denom > _EPS, s / denom.clamp(min=_EPS),
                        torch.zeros_like(s)))
    counts = accumulate_matches(normalised, track_ids, object_ids)
    alignment = counts.cooc / (counts.track_count[:, None] +
                               counts.object_count[None, :] - counts.cooc)
    where_t = {i: k for k, i in enumerate(counts.track_ids)}
    where_o = {i: k for k, i in enumerate(counts.object_ids)}
    masks = []
    for s, t_ids, o_ids in zip(sims, track_ids, object_ids):
        mask = torch.zeros_like(s)
        if s.numel():
            tp = torch.tensor([where_t[int(i)] for i in t_ids])
            op = torch.tensor([where_o[int(i)] for i in o_ids])
            score = alignment[tp[:, None], op[None, :]] * s
            # objects x tracks, as TrackEval orders the problem (its ties)
            cols, rows = min_cost_assignment(-score.T.numpy())
            mask[rows, cols] = 1.0
        masks.append(mask)
    return [m.to(s) for m, s in zip(masks, ious)]


def soft_hota(ious: Sequence[Tensor],
              track_ids: Sequence[Sequence[int]],
              object_ids: Sequence[Sequence[int]],
              alphas: Sequence[float] = HOTA_ALPHAS,
              temperature: Optional[float] = None,
              assigns: Optional[Sequence[Tensor]] = None,
              track_weights: Optional[Sequence[Tensor]] = None
              ) -> Dict[str, Tensor]:
    """dHOTA of a clip.

    Args:
        ious (Sequence[Tensor]): per frame, (h, w) IoU of its tracks with
            its objects (differentiable in the boxes).
        track_ids (Sequence[Sequence[int]]): per frame, its track ids.
        object_ids (Sequence[Sequence[int]]): per frame, its object ids.
        alphas (Sequence[float]): localisation thresholds. Defaults to
            TrackEval's 19 (0.05 to 0.95).
        temperature (float, optional): softness of the step at each alpha;
            None is a hard step (TrackEval's figures). Defaults to None.
        assigns (Sequence[Tensor], optional): per frame, a matcher's soft
            (h, w) assignment to use as the frame's pairs; None uses
            HOTA's own hardened matching (:func:`hota_pairs`). Defaults to
            None.
        track_weights (Sequence[Tensor], optional): per frame, (h, ) how
            much each track box counts. Defaults to None (once each).

    Returns:
        dict[str, Tensor]: ``HOTA``, ``DetA``, ``AssA`` (means over alpha)
        and ``HOTA_alpha`` (one per alpha).
    """
    pairs = assigns if assigns is not None else hota_pairs(
        ious, track_ids, object_ids)
    hota, det_a, ass_a = [], [], []
    for alpha in alphas:
        matched = [p * soft_step(s, alpha, temperature)
                   for p, s in zip(pairs, ious)]
        counts = accumulate_matches(matched, track_ids, object_ids,
                                    track_weights)
        tp = counts.cooc.sum()
        n_track = counts.track_count.sum()
        n_object = counts.object_count.sum()
        det = tp / torch.clamp(n_track + n_object - tp, min=1.0)
        union = counts.track_count[:, None] + counts.object_count[None, :] \
            - counts.cooc
        ass = (counts.cooc * counts.cooc / torch.clamp(union, min=1.0)).sum() \
            / torch.clamp(tp, min=1.0)
        det_a.append(det)
        ass_a.append(ass)
        # the floor keeps the square root's gradient finite at 0
        hota.append(torch.sqrt(torch.clamp(det * ass, min=1e-12)))
    hota_alpha = torch.stack(hota)
    return dict(HOTA=hota_alpha.mean(), DetA=torch.stack(det_a).mean(),
                AssA=torch.stack(ass_a).mean(), HOTA_alpha=hota_alpha)
