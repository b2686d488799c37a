"""What made a result: the command line and the code's commit, for the JSON
files that README tables quote."""
import json
import os
import os.path as osp
import shlex
import subprocess
import sys
import time
from typing import Callable, Dict, List, Optional, Sequence, Tuple


def _git(*args: str) -> Optional[str]:
    """git's answer in the working directory's checkout, None outside
    one (the command's checkout, wherever the package is installed)."""
    try:
        out = subprocess.run(['git', *args], capture_output=True,
                             text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def provenance(argv: Optional[Sequence[str]] = None) -> Dict[str, object]:
    """``command`` (the tool and its arguments, as typed from the
    repository root), ``commit`` (HEAD, or ``None`` outside a git
    checkout), ``dirty`` (tracked files changed since that commit) and
    ``date``.

    Args:
        argv (Sequence[str], optional): the command line. Defaults to
            ``sys.argv``.
    """
    argv = list(sys.argv if argv is None else argv)
    root = _git('rev-parse', '--show-toplevel') or os.getcwd()
    if argv and osp.isfile(argv[0]):
        argv[0] = osp.relpath(osp.abspath(argv[0]), root)
    commit = _git('rev-parse', 'HEAD')
    changes = _git('status', '--porcelain', '--untracked-files=no')
    return dict(command=' '.join(shlex.quote(a) for a in argv),
                commit=commit,
                dirty=bool(changes) if commit else None,
                date=time.strftime('%Y-%m-%d %H:%M:%S'))


def write_result_json(path: str, figures: Dict[str, object]) -> None:
    """Write ``figures`` with their ``provenance`` (command, commit) as
    JSON at ``path``, and say so.

    Args:
        path (str): the output file; its folder is made when missing.
        figures (dict): JSON-serialisable results.
    """
    os.makedirs(osp.dirname(osp.abspath(path)), exist_ok=True)
    with open(path, 'w') as f:
        json.dump(dict(provenance=provenance(), **figures), f, indent=1)
    print(f'wrote {path}')


def kept_result_rows(path: str, setting: Dict[str, object],
                     key: str = 'trackers') -> Tuple[dict, List[dict]]:
    """The rows (``key``) a result file of per-tracker rows holds and its
    provenance after the earlier ones, for a tool that adds rows to it;
    ``({}, [])`` when there is no file.

    Args:
        path (str): the result file (``write_result_json``'s).
        setting (dict): what the rows were made on (ground truth, IoU
            threshold, ...), which the file must hold as well.
        key (str): the field of the rows. Defaults to ``'trackers'``.

    Raises:
        SystemExit: naming the file and the field when the file was made
            on another setting.
    """
    if not osp.isfile(path):
        return {}, []
    with open(path) as f:
        record = json.load(f)
    for name, value in setting.items():
        if record.get(name) != value:
            raise SystemExit(f'error: --keep: {path} has {name}='
                             f'{record.get(name)!r}, not {value!r}')
    earlier = record.get('earlier_provenance', [])
    return record[key], earlier + [record['provenance']]


def write_tracker_rows(path: str, setting: Dict[str, object],
                       results: Sequence[str],
                       compute: Callable[[str], Dict[str, object]],
                       keep: bool = False) -> None:
    """Write one row per tracker, ``compute(result_file)``, to the result
    file ``path`` with ``setting`` and its provenance.

    Args:
        path (str): the output file.
        setting (dict): what every row is made on (ground truth, ...).
        results (Sequence[str]): ``NAME=RESULT.txt`` items.
        compute (Callable): a result file's row.
        keep (bool): add to the rows ``path`` holds (``kept_result_rows``;
            a name given again is replaced). Defaults to False.
    """
    from .cli_args import split_assignment
    rows, earlier = kept_result_rows(path, setting) if keep else ({}, [])
    for item in results:
        name, result = split_assignment(item, 'NAME=RESULT.txt', 'a result')
        rows[name] = compute(result)
        print(name, rows[name])
    figures = dict(setting, trackers=rows)
    if earlier:
        figures['earlier_provenance'] = earlier
    write_result_json(path, figures)
