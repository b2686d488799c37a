"""The configs moved into per-algorithm folders (``configs/moved.json``) and
rebuilt on ``_base_`` pieces are the configs they were: every key that a
runner reads hashes as it did before the move
(``tests/configs/configs_before_move.json``, dumped from the former tree), so
the ledgers' signatures and the shipped weights still hold. Helper variables
of the config files (``max_iters``, ``data_root``, ``deepmot_loss`` ...) may
come and go: nothing reads them but the config files themselves."""
import glob
import hashlib
import inspect
import json
import os.path as osp
import subprocess
import sys

import pytest
from mmengine.config import Config
from mmengine.runner import Runner

from mmdeepmot.apis import load_config
from mmdeepmot.utils import former_name, moved_configs

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
BEFORE = osp.join(osp.dirname(osp.abspath(__file__)),
                  'configs_before_move.json')
# keys allowed to differ, and why: a stage-0 run's work dir is named after
# its config, and these recipes load the last checkpoint of that work dir
RENAMED_WORK_DIR = {
    'configs/deepmot_tracktor/'
    'deepmot_tracktor_mbv2-fpn_8xb2-clip3-2e_mot17halftrain.py':
    ('load_from',
     'work_dirs/stage0_tracktor_mbv2-fpn_8xb2-clip2-4e_mot17halftrain/'
     'epoch_4.pth'),
    'configs/deepmot_siamrpn/'
    'deepmot_siamrpn_mbv2_8xb2-clip3-2e_mot17halftrain.py':
    ('load_from',
     'work_dirs/stage0_siamrpn_mbv2_8xb2-4e_mot17halftrain/epoch_4.pth'),
}

# model keys added since the move on purpose, to configs no ledger holds a
# run of (so no signature changed under a finished run)
ADDED_SINCE_MOVE = {
    f'configs/deepmot_tracktor/{kind}_tracktor_mbv2-fpn_1xb1-clip8-600it_'
    'pets09.py': ('fast_frozen_modules', True)
    for kind in ('vanilla', 'deepmot', 'deepmot-identity')
}
CLIP8_LEDGER = osp.join(ROOT, 'benchmarks', 'results', 'trackers', 'pets09',
                        'tracktor-mbv2_ledger-clip8_halfval.json')


def made_under_config_now(name: str, config: str) -> None:
    """Every run ``name`` the 8-frame ledger holds was made under
    ``config`` as it is now (its signature, at the ledger's one thread):
    the key was added before the first run."""
    sys.path.insert(0, osp.join(ROOT, 'projects', 'twin_study'))
    try:
        from twin_study import Ledger, RunContext
    finally:
        sys.path.pop(0)
    record = Ledger(CLIP8_LEDGER).read()
    context = RunContext(threads=1)
    for seed in record.get(name, {}):
        signature = context.run_signature(config, {}, int(seed))
        assert Ledger.lookup(record, name, seed, f'{name}_seed{seed}',
                             signature) is not None, (
            f'{CLIP8_LEDGER}: {name} seed {seed} was made under another '
            f'version of {config}')


def _hash(value) -> str:
    return hashlib.sha1(json.dumps(value, sort_keys=True).encode()).hexdigest(
    )[:16]


def key_hashes(path: str, drop_model_key: str = None) -> dict:
    """Each top-level key of the config at ``path`` -> a hash of its value
    (as JSON reads it back), the form of the fixture."""
    data = Config.fromfile(osp.join(ROOT, path)).to_dict()
    data = json.loads(json.dumps(data, sort_keys=True, default=str))
    if drop_model_key:
        data['model'].pop(drop_model_key)
    return {k: _hash(v) for k, v in data.items()}


# what mmengine's Runner.from_cfg reads, and custom_imports (tools/*.py)
RUNNER_KEYS = (set(inspect.signature(Runner.__init__).parameters)
               - {'self', 'cfg'}) | {'custom_imports', 'log_processor',
                                     'visualizer', 'log_level', 'resume'}


def runner_part(hashes: dict) -> dict:
    return {k: v for k, v in hashes.items() if k in RUNNER_KEYS}


with open(BEFORE) as f:
    FORMER = json.load(f)
MOVES = moved_configs(ROOT)


def test_every_former_config_is_accounted_for():
    assert sorted(FORMER) == sorted(MOVES)
    for new in MOVES.values():
        assert osp.isfile(osp.join(ROOT, new)), new
    assert len(set(MOVES.values())) == len(MOVES)


@pytest.mark.parametrize('former', sorted(FORMER))
def test_moved_config_is_unchanged(former):
    new = MOVES[former]
    added = ADDED_SINCE_MOVE.get(new)
    if added is not None:
        key, value = added
        assert Config.fromfile(osp.join(ROOT, new)).model[key] == value
        if osp.isfile(CLIP8_LEDGER):
            made_under_config_now(osp.splitext(osp.basename(former))[0], new)
    have = runner_part(key_hashes(new, added and added[0]))
    want = runner_part(FORMER[former])
    allowed = RENAMED_WORK_DIR.get(new)
    if allowed is not None:
        key, value = allowed
        assert Config.fromfile(osp.join(ROOT, new))[key] == value
        have.pop(key)
        want.pop(key)
    changed = sorted(k for k in set(have) | set(want)
                     if have.get(k) != want.get(k))
    assert not changed, f'{new} (was {former}) differs in {changed}'
    assert have['model'] == FORMER[former]['model']


def test_design_card_recipes_still_work():
    # configs/deepmot_{tracktor,siamrpn}_mot17.py stay as one-line entries
    for former in ('configs/deepmot_tracktor_mot17.py',
                   'configs/deepmot_siamrpn_mot17.py'):
        assert runner_part(key_hashes(former)) == runner_part(
            FORMER[former])


def test_former_path_is_refused_naming_the_new_one(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    former = 'configs/pets09/deepmot_tracktor_pets09_mbv2.py'
    with pytest.raises(FileNotFoundError, match='deepmot_tracktor_mbv2-fpn'):
        load_config(former)


def test_moved_runs_keep_their_ledger_names():
    new = MOVES['configs/pets09/deepmot_tracktor_pets09_mbv2.py']
    assert former_name(new, ROOT) == 'deepmot_tracktor_pets09_mbv2'
    assert former_name('configs/deepmot_tracktor_mot17.py', ROOT) is None


def test_tool_refuses_former_path():
    out = subprocess.run([
        sys.executable, 'tools/test.py', 'configs/toy/vanilla_tracktor_toy.py',
        '--checkpoint', 'none.pth'
    ],
                         cwd=ROOT,
                         capture_output=True,
                         text=True)
    assert out.returncode != 0
    assert 'moved to' in out.stderr
    assert 'vanilla_tracktor_r18-c16' in out.stderr


@pytest.mark.parametrize('folder', ['deepmot_tracktor', 'deepmot_siamrpn'])
def test_each_tracker_folder_has_a_readme_and_a_metafile_of_its_configs(
        folder):
    import yaml
    assert osp.isfile(osp.join(ROOT, 'configs', folder, 'README.md'))
    with open(osp.join(ROOT, 'configs', folder, 'metafile.yml')) as f:
        meta = yaml.safe_load(f)
    configs = sorted(osp.relpath(p, ROOT) for p in glob.glob(
        osp.join(ROOT, 'configs', folder, '*.py')))
    assert sorted(m['Config'] for m in meta['Models']) == configs
    for model in meta['Models']:
        # every name says role, tracker, model, schedule and data
        assert len(model['Name'].split('_')) == 5, model['Name']
