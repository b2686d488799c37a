"""schedule_grid.py (projects/twin_study): both twins trained under each
setting, the setting kept by their validation (never the test data),
runs reused."""
import json
import os.path as osp
import subprocess
import sys

import pytest

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))
TOOL = osp.join(ROOT, 'projects', 'twin_study', 'tools', 'schedule_grid.py')


def grid(work, options, *grid_args, ok=True):
    proc = subprocess.run(
        [sys.executable, TOOL,
         'tracktor', '--work-dir', str(work), *grid_args,
         '--cfg-options', *options, 'load_from=None',
         'model.unroll_cfg.obj_score_thr=0.0', 'train_cfg.max_iters=2',
         'train_cfg.val_interval=1',
         'default_hooks.checkpoint.interval=1'],
        capture_output=True, text=True, cwd=ROOT)
    if ok:
        assert proc.returncode == 0, \
            proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc


def test_schedule_grid_trains_both_twins_and_keeps_a_setting(
        toy_options, tmp_path):
    out = grid(tmp_path, toy_options,
               '--grid', 'optim_wrapper.optimizer.lr=0.0,0.01').stdout
    record = json.loads((tmp_path / 'tracktor_schedule.json').read_text())
    assert record['key'] == 'optim_wrapper.optimizer.lr'
    assert list(record['runs']) == ['0.0', '0.01']
    assert 'schedule_grid.py' in record['provenance']['command']
    means = {}
    for value, runs in record['runs'].items():
        assert set(runs) == {'vanilla_tracktor_toy', 'deepmot_tracktor_toy'}
        for name, run in runs.items():
            # validated at both iterations; the best is one of them
            assert [it for it, _ in run['curve']] == [1, 2]
            assert (run['best_iter'], run['best']) in map(tuple,
                                                          run['curve'])
            folder = tmp_path / f'{name}_{value}_seed0'
            assert (folder / 'iter_2.pth').exists()
            # nothing is tested
            assert not (folder / 'test.log').exists()
        means[value] = sum(r['best'] for r in runs.values()) / 2
    assert record['kept'] == max(means, key=means.get)
    assert f'kept: optim_wrapper.optimizer.lr={record["kept"]}' in out
    # each run trained with its setting
    for value in ('0.0', '0.01'):
        dumped = tmp_path / f'deepmot_tracktor_toy_{value}_seed0' / \
            'deepmot_tracktor_r18-c16-fpn_1xb2-clip3-600it_toy.py'
        assert f'lr={value}' in dumped.read_text().replace(' ', '')
    # a second call trains nothing
    log = tmp_path / 'vanilla_tracktor_toy_0.01_seed0' / 'train.log'
    before = log.read_text()
    grid(tmp_path, toy_options,
         '--grid', 'optim_wrapper.optimizer.lr=0.0,0.01')
    assert log.read_text() == before


@pytest.mark.parametrize('bad', ['lr', 'lr=', '=1,2'])
def test_a_malformed_grid_is_named(tmp_path, bad):
    proc = subprocess.run(
        [sys.executable, TOOL,
         'tracktor', '--work-dir', str(tmp_path), '--grid', bad],
        capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
    assert f'--grid expects KEY=V1,V2,..., got {bad!r}' in proc.stderr


def test_several_grid_keys_are_zipped(tmp_path):
    from twin_study import schedule as schedule_grid
    parser = schedule_grid.argparse.ArgumentParser()
    key, settings = schedule_grid.zipped(
        [('train_cfg.max_iters', ['600', '1200']),
         ('param_scheduler.0.end', ['600', '1200'])], parser)
    assert key == 'train_cfg.max_iters+param_scheduler.0.end'
    assert settings == {
        '600_600': {'train_cfg.max_iters': 600, 'param_scheduler.0.end': 600},
        '1200_1200': {'train_cfg.max_iters': 1200,
                      'param_scheduler.0.end': 1200}}
    # one key as before: the setting is named by its value
    assert schedule_grid.zipped([('lr', ['3e-4'])], parser) == (
        'lr', {'3e-4': {'lr': 3e-4}})


def test_zipped_grids_need_as_many_values(tmp_path):
    proc = subprocess.run(
        [sys.executable, TOOL,
         'tracktor', '--work-dir', str(tmp_path), '--grid', 'a=1,2',
         '--grid', 'b=1'], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
    assert 'every --grid needs as many values, got 2 for a, 1 for b' in \
        proc.stderr
    assert not list(tmp_path.iterdir())
