"""Plots of dMOTA, dMOTP and the losses over training, from mmengine's
``vis_data/scalars.json``."""
import json
import os
import os.path as osp
from typing import Dict, List, Sequence

SHOWN = (('dmota', 'dMOTA'), ('dmotp', 'dMOTP'),
         ('loss_dmota', 'loss_dmota'), ('loss_dmotp', 'loss_dmotp'),
         ('loss', 'total loss'))


def read_scalars(path: str) -> List[dict]:
    """The training rows (those with an ``iter`` and a ``loss``)."""
    rows = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line:
                row = json.loads(line)
                if 'loss' in row and 'iter' in row:
                    rows.append(row)
    if not rows:
        raise ValueError(f'no training rows in {path}')
    return rows


def plot_training(runs: Dict[str, str], out_path: str,
                  keys: Sequence = SHOWN) -> str:
    """One panel per quantity, one line per run (name -> scalars.json);
    quantities no run logged are left out. Returns ``out_path`` (PNG)."""
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    data = {name: read_scalars(path) for name, path in runs.items()}
    present = [(k, label) for k, label in keys
               if any(k in r for rows in data.values() for r in rows)]
    if not present:
        raise ValueError('none of the runs logged ' +
                         ', '.join(k for k, _ in keys))
    fig, axes = plt.subplots(1, len(present),
                             figsize=(3.6 * len(present), 3.2))
    axes = [axes] if len(present) == 1 else list(axes)
    colours = {name: f'C{i}' for i, name in enumerate(data)}
    for ax, (key, label) in zip(axes, present):
        for name, rows in data.items():
            pts = [(r['iter'], r[key]) for r in rows if key in r]
            if pts:
                ax.plot(*zip(*pts), color=colours[name])
        ax.set_title(label)
        ax.set_xlabel('iteration')
        ax.grid(alpha=0.3)
    handles = [plt.Line2D([], [], color=c) for c in colours.values()]
    fig.legend(handles, list(colours), loc='lower center',
               ncol=len(colours), fontsize=9)
    fig.tight_layout(rect=(0, 0.1, 1, 1))
    os.makedirs(osp.dirname(osp.abspath(out_path)), exist_ok=True)
    fig.savefig(out_path, dpi=100)
    plt.close(fig)
    return out_path
