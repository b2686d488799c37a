"""Make the study package and the checkout's tools importable from a
study command, then check the environment (tools/_env_guard.py)."""
import os.path as osp
import sys

PROJECT = osp.dirname(osp.dirname(osp.abspath(__file__)))
CHECKOUT = osp.dirname(osp.dirname(PROJECT))
for path in (PROJECT, osp.join(CHECKOUT, 'tools')):
    if path not in sys.path:
        sys.path.insert(0, path)

from _env_guard import require_mmdeepmot  # noqa: E402

require_mmdeepmot()
