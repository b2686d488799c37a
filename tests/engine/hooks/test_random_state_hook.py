"""Exact resume: N iterations straight against N/2, SIGKILL, the work dir
moved, --resume to N; the final weights, the validation figures and the
best checkpoint are identical. Through our tools/train.py and through
MMTracking's own (the hooks are declared in the configs, not added by our
tools)."""
import glob
import json
import os
import os.path as osp
import shutil
import subprocess
import sys
import textwrap

import mmtrack
import pytest
import torch

from mmdeepmot.engine.hooks import get_random_state, set_random_state

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))
TRAIN_TOOLS = {
    'ours': osp.join(ROOT, 'tools', 'train.py'),
    # what `mim train mmtrack` runs
    'mmtrack': osp.join(osp.dirname(mmtrack.__file__), '.mim', 'tools',
                        'train.py'),
}

KILLER = '''
import os
import signal

from mmengine.hooks import Hook
from mmtrack.registry import HOOKS


@HOOKS.register_module()
class KillAfterIter(Hook):
    # after CheckpointHook has saved, before the validation due there
    priority = 'LOWEST'

    def __init__(self, at):
        self.at = at

    def after_train_iter(self, runner, batch_idx, data_batch=None,
                         outputs=None):
        if runner.iter + 1 == self.at:
            os.kill(os.getpid(), signal.SIGKILL)


@HOOKS.register_module()
class KillAfterVal(Hook):
    # after CheckpointHook has written iter_n.pth again for a new best
    priority = 'LOWEST'

    def __init__(self, at):
        self.at = at

    def after_val_epoch(self, runner, metrics=None):
        if runner.iter == self.at:
            os.kill(os.getpid(), signal.SIGKILL)
'''


def test_random_state_round_trip():
    state = get_random_state()
    a = torch.rand(3)
    set_random_state(state)
    assert torch.equal(torch.rand(3), a)


def _config(tmp_path, name, kill_at=None, killer='KillAfterIter'):
    base = osp.join(ROOT, 'configs', 'deepmot_tracktor',
                    'deepmot_tracktor_r18-c16-fpn_1xb2-clip3-600it_toy.py')
    hooks = "[dict(type='DeepMOTHook')" + (
        f", dict(type={killer!r}, at={kill_at})]" if kill_at else ']')
    path = tmp_path / name
    path.write_text(textwrap.dedent(f'''
        _base_ = [{base!r}]
        custom_imports = dict(imports=['mmdeepmot', 'killer'],
                              allow_failed_imports=False)
        custom_hooks = {hooks}
    '''))
    return str(path)


def _train(config, work_dir, options, *extra, expect_kill=False,
           tool='ours'):
    env = dict(os.environ)
    env['PYTHONPATH'] = osp.dirname(config) + ':' + env.get('PYTHONPATH', '')
    proc = subprocess.run(
        [sys.executable, TRAIN_TOOLS[tool], config,
         '--work-dir', str(work_dir), *extra, '--cfg-options', *options,
         'load_from=None',
         'train_cfg.max_iters=4', 'train_cfg.val_interval=2',
         'default_hooks.checkpoint.interval=2',
         'default_hooks.checkpoint.max_keep_ckpts=3',
         'model.unroll_cfg.obj_score_thr=0.0'],
        capture_output=True, text=True, cwd=ROOT, env=env)
    if expect_kill:
        assert proc.returncode == -9, proc.stderr[-3000:]
    else:
        assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout + proc.stderr


def _validation(work_dir):
    """step -> validation MOTA over every scalars.json of a work dir."""
    rows = {}
    for path in sorted(glob.glob(osp.join(work_dir, '*', 'vis_data',
                                          'scalars.json'))):
        with open(path) as f:
            for line in f:
                row = json.loads(line)
                if 'motchallenge-metric/MOTA' in row:
                    rows.setdefault(row['step'], []).append(
                        row['motchallenge-metric/MOTA'])
    return rows


def _best(work_dir):
    return sorted(osp.basename(p) for p in glob.glob(
        osp.join(work_dir, 'best_*.pth')))


def _same_weights(a_dir, b_dir):
    a = torch.load(a_dir / 'iter_4.pth', weights_only=False)
    b = torch.load(b_dir / 'iter_4.pth', weights_only=False)
    assert a['state_dict'].keys() == b['state_dict'].keys()
    for key, value in a['state_dict'].items():
        assert torch.equal(value, b['state_dict'][key]), key


@pytest.mark.parametrize('tool', sorted(TRAIN_TOOLS))
def test_killed_and_resumed_run_equals_the_straight_one(
        toy_options, tmp_path, tool):
    (tmp_path / 'killer.py').write_text(KILLER)
    straight = tmp_path / 'straight'
    _train(_config(tmp_path, 'plain.py'), straight, toy_options, tool=tool)
    assert set(_validation(straight)) == {2, 4}
    killed = tmp_path / 'killed'
    _train(_config(tmp_path, 'killed.py', kill_at=2), killed, toy_options,
           expect_kill=True, tool=tool)
    assert (killed / 'iter_2.pth').exists()
    assert not (killed / 'iter_4.pth').exists()
    # killed before the validation at 2, which the resumed run makes up
    assert 2 not in _validation(killed)
    if tool == 'ours':
        # a moved work dir resumes too (last_checkpoint holds an absolute
        # path, which our tool looks for beside it; mmengine's does not)
        moved = tmp_path / 'moved'
        shutil.move(str(killed), str(moved))
        killed = moved
    log = _train(_config(tmp_path, 'plain.py'), killed, toy_options,
                 '--resume', tool=tool)
    assert 'resumed epoch: 0, iter: 2' in log
    assert 'validating before training goes on' in log
    assert _validation(killed) == _validation(straight)
    assert _best(killed) == _best(straight) != []
    _same_weights(straight, killed)
    # killed after the validation at 2, whose new best had iter_2.pth
    # written again (with the random states after it): nothing made up
    late = tmp_path / 'late'
    _train(_config(tmp_path, 'late.py', kill_at=2, killer='KillAfterVal'),
           late, toy_options, expect_kill=True, tool=tool)
    assert 2 in _validation(late) and not (late / 'iter_4.pth').exists()
    log = _train(_config(tmp_path, 'plain.py'), late, toy_options,
                 '--resume', tool=tool)
    assert 'resumed epoch: 0, iter: 2' in log
    assert 'validating before training goes on' not in log
    assert _validation(late) == _validation(straight)
    assert _best(late) == _best(straight)
    _same_weights(straight, late)
