"""A Markdown table of several runs from a twins ledger (the ablation
tables of the README): mean ± std of each run over the seeds asked for,
then each paired run minus a base run, seed by seed.

    .venv/bin/python projects/twin_study/tools/ledger_table.py \\
        benchmarks/results/trackers/mot17_drawn/\\
            tracktor-r18_ledger_halfval.json \\
        --seeds 0 1 2 --base deepmot_tracktor_mot17drawn \\
        --runs vanilla_tracktor_mot17drawn deepmot_tracktor_mot17drawn \\
            deepmot_tracktor_mot17drawn_sinkhorn \\
            deepmot_tracktor_mot17drawn_dmota \\
        [--paired deepmot_tracktor_mot17drawn_sinkhorn ...] \\
        [--label deepmot_tracktor_mot17drawn_dmota='dMOTA only' ...]

The ledger is a twin_study.Ledger file (run name -> seed -> metrics);
nothing is trained or tested. Every run must hold every seed asked for:
a missing one is an error naming the ledger, the run and the seeds, not a
row averaged over fewer seeds. Every entry must have been made under the
run's config as it is now (``configs/**/<run>.py``, or ``--config
RUN=PATH``) at ``--threads`` (default 1): the signature
the comparison keys it by is computed again and an entry made
under another one (an earlier schedule) is an error naming it, not a row
silently mixing two schedules. ``--any-config`` reads a frozen ledger
whose configs have changed since (it says so on stderr). ``--paired``
defaults to every run but the base and the first (the vanilla twin, the
reference of another table).
"""
import argparse
import os.path as osp
import sys
from typing import List, Optional

import _bootstrap  # noqa: F401
from twin_study import Ledger, RunContext, runs_table
from twin_study.ledger_runs import find_config, load_runs
from twin_study.runs import CHECKOUT

from mmdeepmot.utils import assignment_type


def parse_args(argv: Optional[List[str]]) -> argparse.Namespace:
    """Command-line options, checked against each other."""
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('ledger', help='a twin_study.Ledger file')
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
    if args.paired is None:
        args.paired = [r for r in args.runs[1:] if r != args.base]
    for option, names in (('--base', [args.base]), ('--paired', args.paired),
                          ('--label', [n for n, _ in args.label]),
                          ('--config', [n for n, _ in args.config])):
        stray = [n for n in names if n not in args.runs]
        if stray:
            parser.error(f'{option} names {", ".join(stray)}, not in --runs')
    if args.threads < 1:
        parser.error(f'--threads must be >= 1, got {args.threads}')
    for name, path in args.config:
        if not osp.isfile(osp.join(CHECKOUT, path)):
            parser.error(f'--config {name}={path}: no such file')
    return args


def main(argv: Optional[List[str]] = None) -> None:
    args = parse_args(argv)
    configs = context = None
    if args.any_config:
        print(f'warning: {args.ledger}: signatures not checked; the table '
              'may hold runs of configs other than the ones in configs/',
              file=sys.stderr)
    else:
        context = RunContext(args.threads)
        given = dict(args.config)
        configs = {n: osp.join(context.root, given[n]) if n in given
                   else find_config(n, context.root) for n in args.runs}
    runs = load_runs(Ledger(args.ledger), args.runs, args.seeds, configs,
                     context)
    print(runs_table(runs, args.seeds, args.base, args.paired,
                     dict(args.label)))


if __name__ == '__main__':
    sys.exit(main())
