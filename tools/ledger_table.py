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
row averaged over fewer seeds. Every entry must have been made under the
run's config as it is now (``configs/**/<run>.py``, or ``--config
RUN=PATH``) at ``--threads`` (default 1): the signature
tools/compare_twins.py keys it by is computed again and an entry made
under another one (an earlier schedule) is an error naming it, not a row
silently mixing two schedules. ``--any-config`` reads a frozen ledger
whose configs have changed since (it says so on stderr). ``--paired``
defaults to every run but the base and the first (the vanilla twin, the
reference of another table).
"""
import argparse
import glob
import os.path as osp
import sys
from typing import Dict, List, Optional

from _env_guard import require_mmdeepmot

require_mmdeepmot()

import compare_twins  # noqa: E402
import twins_ledger  # noqa: E402

from mmdeepmot.utils import assignment_type  # noqa: E402

Metrics = Dict[str, float]


def find_config(name: str) -> str:
    """The config of run ``name``: the one ``configs/**/<name>.py``.

    Raises:
        SystemExit: when there is none or more than one.
    """
    found = sorted(glob.glob(osp.join(compare_twins.ROOT, 'configs', '**',
                                      f'{name}.py'), recursive=True))
    if len(found) != 1:
        have = ', '.join(osp.relpath(f, compare_twins.ROOT) for f in found)
        raise SystemExit(f'error: run {name!r} has {len(found)} configs '
                         f'named {name}.py under configs/ ({have or "none"}); '
                         f'name it with --config {name}=PATH')
    return found[0]


def check_signatures(path: str, record: Dict[str, object], name: str,
                     seeds: List[int], config: str) -> None:
    """Refuse the entries of run ``name`` at ``seeds`` that the ledger at
    ``path`` holds under another signature than ``config``'s now.

    Raises:
        SystemExit: naming the ledger, the run, the seeds and the config.
    """
    stale = [s for s in seeds if twins_ledger.lookup(
        record, name, s, f'{name}_seed{s}',
        compare_twins.run_signature(config, {}, s)) is None]
    if stale:
        raise SystemExit(
            f'error: {path}: run {name!r} seed(s) '
            f'{", ".join(map(str, stale))} were made under another config '
            f'or thread count than {osp.relpath(config, compare_twins.ROOT)} '
            f'at OMP_NUM_THREADS={compare_twins.ENV["OMP_NUM_THREADS"]} '
            '(an earlier schedule?); run them again, or --any-config for a '
            'frozen ledger')


def load_runs(path: str, names: List[str], seeds: List[int],
              configs: Optional[Dict[str, str]] = None
              ) -> Dict[str, Dict[int, Metrics]]:
    """``names``' metrics at ``seeds`` from the ledger at ``path``.

    Args:
        path (str): the ledger.
        names (list[str]): the runs.
        seeds (list[int]): the seeds each run must hold.
        configs (dict, optional): run name -> its config, against which
            each entry's signature is checked. Defaults to None (not
            checked).

    Raises:
        SystemExit: naming the ledger, the run and what it lacks, or the
            entries made under another config.
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
        if configs is not None:
            check_signatures(path, record, name, seeds, configs[name])
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
    parser.add_argument('--label', nargs='+', default=[],
                        type=assignment_type('RUN=TEXT', '--label'),
                        help='RUN=TEXT: the text of a run\'s rows')
    parser.add_argument('--config', nargs='+', default=[],
                        type=assignment_type('RUN=PATH', '--config'),
                        help='RUN=PATH: the config a run\'s entries must '
                        'have been made under (default: configs/**/RUN.py)')
    parser.add_argument('--threads', type=int, default=1,
                        help='the thread count the entries were made at '
                        '(default 1, as benchmarks/mot17drawn_twins.sh)')
    parser.add_argument('--any-config', action='store_true',
                        help='do not check the entries\' signatures (a '
                        'frozen ledger of an earlier schedule)')
    args = parser.parse_args(argv)
    paired = args.paired
    if paired is None:
        paired = [r for r in args.runs[1:] if r != args.base]
    for option, names in (('--base', [args.base]), ('--paired', paired),
                          ('--label', [n for n, _ in args.label]),
                          ('--config', [n for n, _ in args.config])):
        stray = [n for n in names if n not in args.runs]
        if stray:
            parser.error(f'{option} names {", ".join(stray)}, not in --runs')
    configs = None
    if args.any_config:
        print(f'warning: {args.ledger}: signatures not checked; the table '
              'may hold runs of configs other than the ones in configs/',
              file=sys.stderr)
    else:
        if args.threads < 1:
            parser.error(f'--threads must be >= 1, got {args.threads}')
        compare_twins.ENV['OMP_NUM_THREADS'] = str(args.threads)
        given = dict(args.config)
        for name, path in given.items():
            if not osp.isfile(osp.join(compare_twins.ROOT, path)):
                parser.error(f'--config {name}={path}: no such file')
        configs = {n: osp.join(compare_twins.ROOT, given[n]) if n in given
                   else find_config(n) for n in args.runs}
    runs = load_runs(args.ledger, args.runs, args.seeds, configs)
    print(table(runs, args.seeds, args.base, paired, dict(args.label)))


if __name__ == '__main__':
    sys.exit(main())
