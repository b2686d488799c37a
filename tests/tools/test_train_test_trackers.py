"""tools/train.py and tools/test.py with the small DeepMOT-Tracktor and
DeepMOT-SiamRPN configs: checkpoints, logged DeepMOT losses, result files
and metrics, resume."""
import json
import os.path as osp
import subprocess
import sys

import pytest

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
CONFIGS = {
    'tracktor': ('deepmot_tracktor_r18-c16-fpn_1xb2-clip3-600it_toy.py',
                 # an untrained detector scores everything near 0.5
                 ['model.unroll_cfg.obj_score_thr=0.0']),
    'siamrpn': ('deepmot_siamrpn_r18-c16_1xb2-clip3-300it_toy.py', []),
}


def run(tool, config, *args):
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', tool),
         osp.join(ROOT, 'configs', 'deepmot_' + config.split('_')[1],
                  config), *args],
        capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc.stdout + proc.stderr


PARTS = {'tracktor': 'detector.backbone, detector.neck',
         'siamrpn': 'backbone, neck'}
SHORT = ['load_from=None', 'default_hooks.logger.interval=1',
         'default_hooks.checkpoint.interval=2']


@pytest.mark.parametrize('tracker', sorted(CONFIGS))
def test_train_test_and_resume(toy_options, tmp_path, tracker):
    config, extra = CONFIGS[tracker]
    work = tmp_path / 'work'
    options = toy_options + SHORT + extra
    log = run('train.py', config, '--work-dir', str(work), '--cfg-options',
              'train_cfg.max_iters=2', *options)
    assert (work / 'iter_2.pth').exists()
    assert 'loss_dmota' in log and 'loss_dmotp' in log
    assert 'DeepMOTHook: frozen DHN' in log

    log = run('test.py', config, '--work-dir', str(tmp_path / 'test'),
              '--checkpoint', str(work / 'iter_2.pth'),
              '--json', str(tmp_path / 'm.json'), '--cfg-options',
              *options)
    results = list((tmp_path / 'test' / 'results').glob('*.txt'))
    assert [r.name for r in results] == ['TOY-02-SDP.txt']
    assert 'OVERALL' in log and 'motchallenge-metric/MOTA' in log
    metrics = json.loads((tmp_path / 'm.json').read_text())
    assert {'HOTA', 'MOTA', 'MOTP', 'IDF1', 'FP', 'FN', 'IDSw'} <= set(
        metrics['overall'])
    assert list(metrics['sequences']) == ['TOY-02-SDP']

    # --speed-up folds batch norms and runs the backbone channels-last:
    # the same tracks
    log = run('test.py', config, '--work-dir', str(tmp_path / 'fast'),
              '--checkpoint', str(work / 'iter_2.pth'), '--speed-up',
              '--json', str(tmp_path / 'fast.json'), '--cfg-options',
              *options)
    assert 'InferenceSpeedupHook: batch norms folded; channels-last: ' \
        f'{PARTS[tracker]}' in log
    fast = json.loads((tmp_path / 'fast.json').read_text())
    assert fast['overall'] == pytest.approx(metrics['overall'], abs=1e-4)

    # an interrupted run picks up at its last checkpoint
    log = run('train.py', config, '--work-dir', str(work), '--resume',
              '--cfg-options', 'train_cfg.max_iters=4', *options)
    assert 'resumed epoch: 0, iter: 2' in log
    assert (work / 'iter_4.pth').exists()
