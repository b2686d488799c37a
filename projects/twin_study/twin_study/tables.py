"""Markdown tables of a comparison: mean ± sample std over seeds, paired
differences seed by seed, and a paired significance figure."""
import math
from typing import Dict, List, Optional

from mmdeepmot.evaluation import trackeval_mot

SUMMARY = trackeval_mot.SUMMARY
STAGE0 = 'stage0'  # the seed column of the stage-0 row
Metrics = Dict[str, float]


def _std(values: List[float]) -> float:
    """Sample standard deviation (0 for one value)."""
    if len(values) < 2:
        return 0.0
    mean = sum(values) / len(values)
    return (sum((v - mean)**2 for v in values) / (len(values) - 1))**0.5


def _cell(k: str, value: float, signed: bool = False) -> str:
    text = trackeval_mot.markdown_cell(k, value)
    return '+' + text if signed and not text.startswith('-') else text


def cells(row: Metrics, signed: bool = False) -> str:
    """The ``SUMMARY`` cells of one row of metrics (``signed``: a leading
    + on differences)."""
    return ' | '.join(_cell(k, row[k], signed) for k in SUMMARY)


def spread(rows: List[Metrics], signed: bool = False) -> str:
    """The ``SUMMARY`` cells of several rows: mean ± sample std (the mean
    alone for one row)."""
    out = []
    for k in SUMMARY:
        values = [r[k] for r in rows]
        mean = _cell(k, sum(values) / len(values), signed)
        std = trackeval_mot.markdown_cell(k, _std(values))
        out.append(mean if len(values) < 2 else f'{mean} ± {std}')
    return ' | '.join(out)


def sign_test(diffs: List[float]) -> float:
    """Two-sided exact sign-test p-value of paired differences (ties
    dropped): the chance of a split at least this uneven between positive
    and negative differences when either sign is equally likely."""
    signs = [d for d in diffs if d != 0]
    n, wins = len(signs), sum(d > 0 for d in signs)
    if n == 0:
        return 1.0
    tail = min(wins, n - wins)
    p = sum(math.comb(n, k) for k in range(tail + 1)) / 2**n
    return min(1.0, 2 * p)


def paired_t(diffs: List[float]) -> Optional[float]:
    """The paired t statistic of ``diffs`` (mean over its standard
    error), None for fewer than two or no spread."""
    std = _std(diffs)
    if len(diffs) < 2 or std == 0:
        return None
    return sum(diffs) / len(diffs) / (std / math.sqrt(len(diffs)))


def twins_table(runs: Dict[str, Dict[object, Metrics]],
                seeds: List[int]) -> str:
    """Markdown: one row per run, mean ± std per config, then the paired
    differences DeepMOT - vanilla per seed and their mean ± std."""
    names = [n for n in runs if STAGE0 not in runs[n]]
    header = ['| run | seed | ' + ' | '.join(SUMMARY) + ' |',
              '|---|---|' + '---|' * len(SUMMARY)]
    lines = list(header)
    for name, run in runs.items():
        if STAGE0 in run:
            lines.append(f'| {name} | - | {cells(run[STAGE0])} |')
    for name in names:
        for seed in seeds:
            lines.append(f'| {name} | {seed} | {cells(runs[name][seed])} |')
    for name in names:
        lines.append(f'| **{name}** | mean | '
                     f'{spread([runs[name][s] for s in seeds])} |')
    vanilla, deepmot = names
    paired = [{k: runs[deepmot][s][k] - runs[vanilla][s][k] for k in SUMMARY}
              for s in seeds]
    diffs = [100 * p['MOTA'] for p in paired]
    wins = sum(d > 0 for d in diffs)
    lines += ['', f'Paired differences, {deepmot} - {vanilla}:', ''] + \
        header
    for seed, p in zip(seeds, paired):
        lines.append(f'| difference | {seed} | {cells(p, signed=True)} |')
    lines.append(f'| **difference** | mean | {spread(paired, signed=True)} |')
    lines.append('')
    lines.append(f'MOTA {deepmot} - {vanilla} per seed: ' +
                 ', '.join(f'{d:+.2f}' for d in diffs) +
                 f' (DeepMOT ahead on {wins} of {len(seeds)} seeds)')
    return '\n'.join(lines)


def runs_table(runs: Dict[str, Dict[int, Metrics]], seeds: List[int],
               base: str, paired: List[str],
               labels: Optional[Dict[str, str]] = None) -> str:
    """Markdown: one mean row per run, then ``paired`` runs minus ``base``
    per seed.

    Args:
        runs (dict): run name -> seed -> metrics.
        seeds (list[int]): the seeds, in the order of the rows.
        base (str): the run the differences are taken against.
        paired (list[str]): the runs shown minus ``base``.
        labels (dict, optional): run name -> the text of its rows.
            Defaults to None (the run names).
    """
    labels = labels or {}
    seed_text = ','.join(map(str, seeds))
    lines = ['| run | seeds | ' + ' | '.join(SUMMARY) + ' |',
             '|---|---|' + '---|' * len(SUMMARY)]
    for name, run in runs.items():
        lines.append(f'| {labels.get(name, name)} | {seed_text} | '
                     f'{spread([run[s] for s in seeds])} |')
    base_label = labels.get(base, base)
    for name in paired:
        for s in seeds:
            diff = {k: runs[name][s][k] - runs[base][s][k] for k in SUMMARY}
            lines.append(f'| {labels.get(name, name)} - {base_label} | {s} '
                         f'| {cells(diff, signed=True)} |')
    return '\n'.join(lines)
