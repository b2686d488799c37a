"""What made a result: the command line and the code's commit, for the JSON
files that README tables quote."""
import json
import os
import os.path as osp
import shlex
import subprocess
import sys
import time
from typing import Dict, Optional, Sequence


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
