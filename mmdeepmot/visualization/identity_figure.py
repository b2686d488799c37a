"""The id co-occurrence ``S`` of a clip (dIDF1's and dHOTA's counts), as a
heat map with the IDF1 pairing outlined."""
import os
import os.path as osp
from typing import Tuple

import numpy as np
import torch

from deepmot.identity import (IdentityCounts, accumulate_matches, pair_ids,
                              soft_idf1)
from ..datasets.mot_challenge_io import rows_xyxy
from ..structures import box_iou


def clip_cooccurrence(gt: np.ndarray, result: np.ndarray,
                      frames: Tuple[int, int],
                      iou_thr: float = 0.5) -> IdentityCounts:
    """Hard co-occurrence of track ids and object ids over ``frames``
    (first, last; inclusive), a pair counting in a frame where their
    boxes overlap by ``iou_thr`` or more (TrackEval's IDF1 counts).

    Args:
        gt (np.ndarray): ground-truth rows (frame, id, x, y, w, h, ...).
        result (np.ndarray): result rows, same layout.
        frames (tuple[int, int]): the clip's first and last frame.
        iou_thr (float): the match threshold. Defaults to 0.5.
    """
    matches, t_ids, o_ids = [], [], []
    for frame in range(frames[0], frames[1] + 1):
        g, r = gt[gt[:, 0] == frame], result[result[:, 0] == frame]
        iou = box_iou(torch.as_tensor(rows_xyxy(r)),
                      torch.as_tensor(rows_xyxy(g)))
        matches.append((iou >= iou_thr).double())
        t_ids.append(r[:, 1].astype(int).tolist())
        o_ids.append(g[:, 1].astype(int).tolist())
    return accumulate_matches(matches, t_ids, o_ids)


def plot_cooccurrence(counts: IdentityCounts, out_path: str,
                      title: str = '') -> str:
    """``S`` (track ids x object ids, only ids with a match) with the IDF1
    pairing outlined; returns ``out_path`` (PNG)."""
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle
    cooc = counts.cooc.detach().cpu().numpy()
    rows = np.nonzero(cooc.sum(1) > 0)[0]
    cols = np.nonzero(cooc.sum(0) > 0)[0]
    if not len(rows):
        raise ValueError('no track matches an object in this clip')
    paired = set(zip(*(p.tolist() for p in pair_ids(counts.cooc))))
    shown = cooc[np.ix_(rows, cols)]
    fig, ax = plt.subplots(
        figsize=(1.2 + 0.45 * len(cols), 1.2 + 0.4 * len(rows)))
    im = ax.imshow(shown, cmap='Blues', vmin=0)
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            if shown[i, j]:
                ax.text(j, i, f'{shown[i, j]:.0f}', ha='center',
                        va='center', fontsize=8,
                        color='white' if shown[i, j] > shown.max() / 2
                        else 'black')
            if (r, c) in paired:
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False,
                                       edgecolor='crimson', linewidth=2))
    ax.set_xticks(range(len(cols)),
                  [str(counts.object_ids[c]) for c in cols], fontsize=8)
    ax.set_yticks(range(len(rows)),
                  [str(counts.track_ids[r]) for r in rows], fontsize=8)
    ax.set_xlabel('object id')
    ax.set_ylabel('track id')
    idf1 = float(soft_idf1(counts)['IDF1'])
    ax.set_title(f'{title}\nS: frames matched (IDF1 pairs outlined; '
                 f'IDF1 {100 * idf1:.1f})'.strip(), fontsize=9)
    fig.colorbar(im, ax=ax, fraction=0.046)
    fig.tight_layout()
    os.makedirs(osp.dirname(osp.abspath(out_path)), exist_ok=True)
    fig.savefig(out_path, dpi=100)
    plt.close(fig)
    return out_path
