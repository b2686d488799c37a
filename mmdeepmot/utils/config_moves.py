"""Configs that moved: ``configs/moved.json`` maps each former path (from the
repository's root) to where the same config lives now. A tool given a former
path says where it went, and the twin study keeps naming a moved config's
runs by its former name, under which the ledgers hold them (the move test,
``tests/configs/test_config_moves.py``, proves every moved config equal to
its former self)."""
import json
import os
import os.path as osp
from typing import Dict, Optional

MOVED_FILE = osp.join('configs', 'moved.json')
# the checkout this package runs from (an editable install)
PACKAGE_ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))


def moved_configs(root: str = PACKAGE_ROOT) -> Dict[str, str]:
    """Former path -> present path, both relative to ``root`` (empty when
    ``root`` has no ``configs/moved.json``)."""
    path = osp.join(root, MOVED_FILE)
    if not osp.isfile(path):
        return {}
    with open(path) as f:
        return json.load(f)


def _relative_to_root(config: str, root: str) -> Optional[str]:
    rel = osp.relpath(osp.abspath(config), root)
    return None if rel.startswith('..') else rel.replace(os.sep, '/')


def check_not_moved(config: str) -> None:
    """Raise when ``config`` is missing because it moved.

    Args:
        config (str): a config path as given to a tool.

    Raises:
        FileNotFoundError: naming the present path of a moved config.
    """
    if osp.exists(config):
        return
    for root in dict.fromkeys((os.getcwd(), PACKAGE_ROOT)):
        rel = _relative_to_root(config, root)
        new = moved_configs(root).get(rel) if rel else None
        if new is not None:
            raise FileNotFoundError(
                f'{config} moved to {osp.join(root, new)} (same content; '
                f'{osp.join(root, MOVED_FILE)} lists every move)')


def former_name(config: str, root: str = PACKAGE_ROOT) -> Optional[str]:
    """The file name (without ``.py``) ``config`` had before it moved, or
    None when it did not move.

    Args:
        config (str): a config path, relative to ``root`` or absolute.
        root (str): the checkout. Defaults to this package's.
    """
    rel = _relative_to_root(osp.join(root, config), root)
    for old, new in moved_configs(root).items():
        if new == rel:
            return osp.splitext(osp.basename(old))[0]
    return None
