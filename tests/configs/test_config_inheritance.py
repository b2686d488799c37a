"""How the configs inherit (docs/trackers.md, "Configs"): pieces under
``configs/_base_/`` hold what a family shares; a named config stands on
pieces and at most two named configs above it (stage 0 -> vanilla ->
DeepMOT, the ablations beside DeepMOT on the vanilla twin); a child only
adds: it never takes away its parent's loss or hooks."""
import ast
import glob
import os.path as osp
from typing import Dict, List

import pytest
from mmengine.config import Config

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
CONFIGS = osp.join(ROOT, 'configs')
ROLE_RANK = {'stage0': 0, 'vanilla': 1, 'deepmot': 2}
TRACKER_FOLDERS = ('deepmot_tracktor', 'deepmot_siamrpn')


def in_repo_bases(path: str) -> List[str]:
    """The ``_base_`` files of the config at ``path`` inside the repository
    (``mmtrack::`` ones are MMTracking's), as absolute paths."""
    with open(path) as f:
        tree = ast.parse(f.read())
    for node in tree.body:
        if (isinstance(node, ast.Assign)
                and getattr(node.targets[0], 'id', None) == '_base_'):
            value = ast.literal_eval(node.value)
            names = [value] if isinstance(value, str) else list(value)
            return [
                osp.normpath(osp.join(osp.dirname(path), n)) for n in names
                if '::' not in n
            ]
    return []


def is_piece(path: str) -> bool:
    return osp.relpath(path, CONFIGS).startswith('_base_')


def named_parents(path: str) -> List[str]:
    return [b for b in in_repo_bases(path) if not is_piece(b)]


def named_depth(path: str) -> int:
    """How many named configs (outside ``_base_/``) the chain from ``path``
    up holds, ``path`` included."""
    return 1 + max((named_depth(b) for b in named_parents(path)), default=0)


def role(path: str) -> str:
    return osp.basename(path).split('_')[0].split('-')[0]


NAMED = sorted(
    p for p in glob.glob(osp.join(CONFIGS, '**', '*.py'), recursive=True)
    if not is_piece(p))
PIECES = sorted(glob.glob(osp.join(CONFIGS, '_base_', '**', '*.py'),
                          recursive=True))
CHILDREN = [(p, q) for p in NAMED for q in named_parents(p)]
_loaded: Dict[str, Config] = {}


def load(path: str) -> Config:
    if path not in _loaded:
        _loaded[path] = Config.fromfile(path)
    return _loaded[path]


def test_the_rules_see_every_config():
    assert len(NAMED) >= 50 and len(PIECES) >= 10
    assert len(CHILDREN) >= 25


@pytest.mark.parametrize('path', NAMED, ids=lambda p: osp.basename(p))
def test_at_most_three_named_levels(path):
    assert named_depth(path) <= 3, osp.relpath(path, ROOT)


@pytest.mark.parametrize('path', PIECES, ids=lambda p: osp.basename(p))
def test_pieces_stand_on_pieces_only(path):
    assert not named_parents(path), osp.relpath(path, ROOT)


@pytest.mark.parametrize(
    'child,parent',
    [(c, p) for c, p in CHILDREN
     if osp.basename(osp.dirname(c)) in TRACKER_FOLDERS],
    ids=lambda p: osp.basename(p))
def test_roles_only_go_down(child, parent):
    # stage 0 -> vanilla -> DeepMOT: a vanilla twin never derives from its
    # DeepMOT twin, and an ablation (deepmot-<what>) stands on the vanilla
    # twin beside DeepMOT, not below it (the GPU recipes without a vanilla
    # twin stand on stage 0)
    assert ROLE_RANK[role(parent)] <= ROLE_RANK[role(child)]
    if role(child) == 'deepmot':
        assert role(parent) != 'deepmot', (child, parent)
    # a twin shares its parent's tracker, model and data
    assert (osp.basename(child).split('_')[1:3] == osp.basename(parent).split(
        '_')[1:3])
    assert osp.basename(child).split('_')[-1] == osp.basename(parent).split(
        '_')[-1]


@pytest.mark.parametrize('child,parent', CHILDREN,
                         ids=lambda p: osp.basename(p))
def test_children_only_add(child, parent):
    have, base = load(child), load(parent)
    if 'model' in base and base.model.get('deepmot_loss') is not None:
        assert have.model.get('deepmot_loss') is not None
    hooks = [h['type'] for h in have.get('custom_hooks', [])]
    for hook in base.get('custom_hooks', []):
        assert hook['type'] in hooks, (child, hook)
