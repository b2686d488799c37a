"""A Markdown table of several runs from a twins ledger (the ablation
tables of the README): mean ± std of each run over the seeds asked for,
then each paired run minus a base run, seed by seed.

    .venv/bin/python tools/ledger_table.py \\
        benchmarks/results/tracktor_mot17drawn_halfval_runs.json \\
        --seeds 0 1 2 --base deepmot_tracktor_mot17drawn \\
        --runs vanilla_tracktor_mot17drawn deepmot_tracktor_mot17drawn \\
            deepmot_tracktor_mot17drawn_sinkhorn \\
            deepmot_tracktor_mot17drawn_dmota \\
        [--paired deepmot_tracktor_mot17drawn_sinkhorn ...] \\
        [--label deepmot_tracktor_mot17drawn_dmota='dMOTA only' ...]

The ledger is tools/twins_ledger.py's file (run name -> seed -> metrics);
nothing is trained or tested. Every run must hold every seed asked for:
a missing one is an error naming the ledger, the run and the seeds, not a
row averaged over fewer seeds. ``--paired`` defaults to every run but the
base and the first (the vanilla twin, the reference of another table).
"""
import argparse
import sys
from typing import Dict, List, Optional

from _env_guard import require_mmdeepmot

require_mmdeepmot()

import compare_twins  # noqa: E402
import twins_ledger  # noqa: E402

Metrics = Dict[str, float]


def load_runs(path: str, names: List[str],
              seeds: List[int]) -> Dict[str, Dict[int, Metrics]]:
    """``names``' metrics at ``seeds`` from the ledger at ``path``.

    Raises:
        SystemExit: naming the ledger, the run and what it lacks.
    """
    record = twins_ledger.read(path)
    runs = {}
    for name in names:
        have = record.get(name)
        if not isinstance(have, dict) or name == 'provenance':
            known = sorted(k for k in record if k != 'provenance')
            raise SystemExit(f'error: {path} has no run {name!r} '
                             f'(it has {", ".join(known) or "none"})')
        missing = [s for s in seeds if str(s) not in have]
        if missing:
            raise SystemExit(
                f'error: {path}: run {name!r} lacks seed(s) '
                f'{", ".join(map(str, missing))} (it has '
                f'{", ".join(sorted(have))}); ask for the seeds it has')
        runs[name] = {s: have[str(s)] for s in seeds}
    return runs


def table(runs: Dict[str, Dict[int, Metrics]], seeds: List[int], base: str,
          paired: List[str], labels: Optional[Dict[str, str]] = None) -> str:
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
    head = compare_twins.SUMMARY
    lines = ['| run | seeds | ' + ' | '.join(head) + ' |',
             '|---|---|' + '---|' * len(head)]
    for name, run in runs.items():
        lines.append(f'| {labels.get(name, name)} | {seed_text} | '
                     f'{compare_twins.spread([run[s] for s in seeds])} |')
    base_label = labels.get(base, base)
    for name in paired:
        for s in seeds:
            diff = {k: runs[name][s][k] - runs[base][s][k] for k in head}
            lines.append(f'| {labels.get(name, name)} - {base_label} | {s} '
                         f'| {compare_twins.cells(diff, signed=True)} |')
    return '\n'.join(lines)


def _label(text: str) -> tuple:
    name, sep, label = text.partition('=')
    if not sep or not name or not label:
        raise argparse.ArgumentTypeError(
            f'--label expects RUN=TEXT, got {text!r}')
    return name, label


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('ledger', help='a tools/twins_ledger.py file')
    parser.add_argument('--runs', nargs='+', required=True,
                        help='run names, in the order of the rows')
    parser.add_argument('--seeds', type=int, nargs='+', required=True)
    parser.add_argument('--base', required=True,
                        help='the run the differences are taken against')
    parser.add_argument('--paired', nargs='+',
                        help='runs shown minus the base (default: all but '
                        'the base and the first)')
    parser.add_argument('--label', type=_label, nargs='+', default=[],
                        help='RUN=TEXT: the text of a run\'s rows')
    args = parser.parse_args(argv)
    paired = args.paired
    if paired is None:
        paired = [r for r in args.runs[1:] if r != args.base]
    for option, names in (('--base', [args.base]), ('--paired', paired),
                          ('--label', [n for n, _ in args.label])):
        stray = [n for n in names if n not in args.runs]
        if stray:
            parser.error(f'{option} names {", ".join(stray)}, not in --runs')
    runs = load_runs(args.ledger, args.runs, args.seeds)
    print(table(runs, args.seeds, args.base, paired, dict(args.label)))


if __name__ == '__main__':
    sys.exit(main())
