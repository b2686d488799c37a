"""Plots of dMOTA, dMOTP, the losses and the validation metric over
training, from mmengine's ``vis_data/scalars.json``."""
import glob
import json
import os
import os.path as osp
from typing import Dict, Iterator, List, Optional, Sequence, Tuple, Union

SHOWN = (('dmota', 'dMOTA'), ('dmotp', 'dMOTP'),
         ('loss_dmota', 'loss_dmota'), ('loss_dmotp', 'loss_dmotp'),
         ('loss', 'total loss'))
VALIDATION_KEY = 'motchallenge-metric/MOTA'


def scalar_files(where: str) -> List[str]:
    """``where`` itself (a ``scalars.json``), or every
    ``<timestamp>/vis_data/scalars.json`` of a work dir, oldest first: one
    per run of it (a resumed run writes a new one)."""
    if osp.isfile(where):
        return [where]
    found = sorted(glob.glob(osp.join(where, '*', 'vis_data',
                                      'scalars.json')))
    if not found:
        raise FileNotFoundError(f'no */vis_data/scalars.json in {where}')
    return found


def _rows(paths: Union[str, Sequence[str]]) -> Iterator[dict]:
    """Every logged row of one or more ``scalars.json`` files, in order."""
    for path in [paths] if isinstance(paths, str) else paths:
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line:
                    yield json.loads(line)


def read_scalars(paths: Union[str, Sequence[str]]) -> List[dict]:
    """The training rows (those with an ``iter`` and a ``loss``) of one or
    more ``scalars.json`` files (a work dir's runs, oldest first), by
    iteration: a later run's row replaces an earlier run's row of the same
    iteration (a run resumed from a checkpoint repeats what the killed run
    logged after it)."""
    by_iter: Dict[int, dict] = {row['iter']: row for row in _rows(paths)
                                if 'loss' in row and 'iter' in row}
    if not by_iter:
        names = [paths] if isinstance(paths, str) else paths
        raise ValueError(f'no training rows in {", ".join(names)}')
    return [by_iter[i] for i in sorted(by_iter)]


def read_validation(paths: Union[str, Sequence[str]],
                    key: str = VALIDATION_KEY) -> List[Tuple[int, float]]:
    """(iteration, value) of ``key`` from the validation rows (mmengine logs
    them with a ``step`` and no ``loss``) of one or more ``scalars.json``
    files, by iteration, a later file's row replacing an earlier one's;
    empty when the runs did not validate."""
    by_step = {int(row['step']): float(row[key]) for row in _rows(paths)
               if key in row and 'loss' not in row}
    return sorted(by_step.items())


def plot_training(runs: Dict[str, Union[str, Sequence[str]]], out_path: str,
                  keys: Sequence = SHOWN,
                  validation_key: str = VALIDATION_KEY,
                  references: Optional[Dict[str, float]] = None) -> str:
    """One panel per quantity, one line per run (name -> its
    ``scalars.json`` files, see :func:`read_scalars`); quantities no run
    logged are left out. When a run validated, a last panel shows
    ``validation_key`` over training, with ``references`` (name -> value,
    e.g. the stage-0 weights' validation MOTA) as dashed lines. Returns
    ``out_path`` (PNG)."""
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    data = {name: read_scalars(path) for name, path in runs.items()}
    validation = {name: read_validation(path, validation_key)
                  for name, path in runs.items()}
    present = [(k, label) for k, label in keys
               if any(k in r for rows in data.values() for r in rows)]
    with_val = any(validation.values())
    if not present and not with_val:
        raise ValueError('none of the runs logged ' +
                         ', '.join(k for k, _ in keys))
    panels = len(present) + with_val
    fig, axes = plt.subplots(1, panels, figsize=(3.6 * panels, 3.2))
    axes = [axes] if panels == 1 else list(axes)
    colours = {name: f'C{i}' for i, name in enumerate(data)}
    for ax, (key, label) in zip(axes, present):
        for name, rows in data.items():
            pts = [(r['iter'], r[key]) for r in rows if key in r]
            if pts:
                ax.plot(*zip(*pts), color=colours[name])
        ax.set_title(label)
    if with_val:
        ax = axes[-1]
        for name, pts in validation.items():
            if pts:
                ax.plot(*zip(*pts), color=colours[name], marker='o')
        for i, (name, value) in enumerate((references or {}).items()):
            colours[name] = f'C{len(data) + i}'
            ax.axhline(value, color=colours[name], linestyle='--')
        ax.set_title('validation ' + validation_key.split('/')[-1])
    for ax in axes:
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
