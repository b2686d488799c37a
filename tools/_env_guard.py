"""Fail fast, with the command to run, when a tool runs outside .venv."""
import os.path as osp
import sys
import warnings

ROOT = osp.dirname(osp.dirname(osp.abspath(__file__)))
VENV = osp.join(ROOT, '.venv')


def _advice(err: ImportError) -> str:
    if type(err).__name__ == 'StackError':
        return ''  # mmdeepmot's own message already says what to run
    venv_python = osp.join(VENV, 'bin', 'python')
    in_venv = osp.realpath(sys.prefix) == osp.realpath(VENV)
    if osp.exists(venv_python) and not in_venv:
        tool = osp.relpath(osp.abspath(sys.argv[0]))
        return ('This is not the project\'s interpreter. Run:\n'
                f'  {venv_python} {tool} {" ".join(sys.argv[1:])}\n'
                'or `source .venv/bin/activate` first.')
    return f'Set up the environment first: `make setup` in {ROOT}.'


def require_mmdeepmot() -> None:
    """Import mmdeepmot or exit (status 2) with what to run instead."""
    # setuptools is pinned below 81 on purpose (mmcv's build and mmengine
    # need pkg_resources), and then warns at every import of it: two
    # console lines per config a tool loads, nothing a user can act on
    warnings.filterwarnings('ignore', message='pkg_resources is deprecated',
                            category=UserWarning)
    try:
        import mmdeepmot  # noqa: F401
    except ImportError as err:
        name = osp.basename(sys.argv[0])
        print(f'error: {name} cannot start: {err}\n{_advice(err)}'.rstrip(),
              file=sys.stderr)
        sys.exit(2)
