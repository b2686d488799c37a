"""Runs read from a ledger for a table: every seed asked for, each entry
made under its run's config as it is now, or an error naming what is
missing or stale."""
import glob
import os.path as osp
from typing import Dict, List, Optional

from mmdeepmot.utils import moved_configs
from .ledger import Ledger
from .runs import RunContext

Metrics = Dict[str, float]


def find_config(name: str, root: str) -> str:
    """The config of run ``name``: the one ``<root>/configs/**/<name>.py``,
    or the one that had that name before it moved (``configs/moved.json``).

    Raises:
        SystemExit: when there is none or more than one.
    """
    moved = [new for old, new in moved_configs(root).items()
             if osp.splitext(osp.basename(old))[0] == name]
    if len(moved) == 1:
        return osp.join(root, moved[0])
    found = sorted(glob.glob(osp.join(root, 'configs', '**', f'{name}.py'),
                             recursive=True))
    if len(found) != 1:
        have = ', '.join(osp.relpath(f, root) for f in found)
        raise SystemExit(f'error: run {name!r} has {len(found)} configs '
                         f'named {name}.py under configs/ ({have or "none"}); '
                         f'name it with --config {name}=PATH')
    return found[0]


def check_signatures(ledger: Ledger, record: Dict[str, object], name: str,
                     seeds: List[int], config: str,
                     context: RunContext) -> None:
    """Refuse the entries of run ``name`` at ``seeds`` that ``ledger``
    holds under another signature than ``config``'s now (at the context's
    thread count).

    Raises:
        SystemExit: naming the ledger, the run, the seeds and the config.
    """
    stale = [s for s in seeds if Ledger.lookup(
        record, name, s, f'{name}_seed{s}',
        context.run_signature(config, {}, s)) is None]
    if stale:
        raise SystemExit(
            f'error: {ledger.path}: run {name!r} seed(s) '
            f'{", ".join(map(str, stale))} were made under another config '
            f'or thread count than {osp.relpath(config, context.root)} '
            f'at OMP_NUM_THREADS={context.env["OMP_NUM_THREADS"]} '
            '(an earlier schedule?); run them again, or --any-config for a '
            'frozen ledger')


def load_runs(ledger: Ledger, names: List[str], seeds: List[int],
              configs: Optional[Dict[str, str]] = None,
              context: Optional[RunContext] = None
              ) -> Dict[str, Dict[int, Metrics]]:
    """``names``' metrics at ``seeds`` from ``ledger``.

    Args:
        ledger (Ledger): the ledger.
        names (list[str]): the runs.
        seeds (list[int]): the seeds each run must hold.
        configs (dict, optional): run name -> its config, against which
            each entry's signature is checked (with ``context``). Defaults
            to None (not checked).
        context (RunContext, optional): the thread count and checkout the
            signatures are computed at. Defaults to None.

    Raises:
        SystemExit: naming the ledger, the run and what it lacks, or the
            entries made under another config.
    """
    record = ledger.read()
    runs = {}
    for name in names:
        have = record.get(name)
        if not isinstance(have, dict) or name == 'provenance':
            known = sorted(k for k in record if k != 'provenance')
            raise SystemExit(f'error: {ledger.path} has no run {name!r} '
                             f'(it has {", ".join(known) or "none"})')
        missing = [s for s in seeds if str(s) not in have]
        if missing:
            raise SystemExit(
                f'error: {ledger.path}: run {name!r} lacks seed(s) '
                f'{", ".join(map(str, missing))} (it has '
                f'{", ".join(sorted(have))}); ask for the seeds it has')
        if configs is not None:
            check_signatures(ledger, record, name, seeds, configs[name],
                             context)
        runs[name] = {s: have[str(s)] for s in seeds}
    return runs
