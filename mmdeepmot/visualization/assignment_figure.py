"""The DHN's soft assignment beside the Hungarian one for one frame."""
import os
import os.path as osp

import numpy as np


def plot_assignment(dist: np.ndarray, soft: np.ndarray, hard: np.ndarray,
                    out_path: str, title: str = '') -> str:
    """Three heat maps: the distance matrix (tracks x objects), the soft
    assignment and the Hungarian assignment. Returns ``out_path`` (PNG)."""
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    if not dist.shape == soft.shape == hard.shape:
        raise ValueError(f'shapes differ: {dist.shape}, {soft.shape}, '
                         f'{hard.shape}')
    fig, axes = plt.subplots(1, 3, figsize=(12, 4))
    panels = [(dist, 'distance D (tracks x objects)', 'viridis_r'),
              (soft, 'DHN soft assignment', 'magma'),
              (hard, 'Hungarian assignment', 'magma')]
    for ax, (mat, label, cmap) in zip(axes, panels):
        im = ax.imshow(mat, cmap=cmap, vmin=0, vmax=1)
        ax.set_title(label, fontsize=10)
        ax.set_xlabel('object')
        ax.set_ylabel('track')
        fig.colorbar(im, ax=ax, fraction=0.046)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    os.makedirs(osp.dirname(osp.abspath(out_path)), exist_ok=True)
    fig.savefig(out_path, dpi=100)
    plt.close(fig)
    return out_path
