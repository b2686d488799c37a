"""tools/train.py trains a toy box refiner with the DeepMOT loss: dMOTA
rises, checkpoints are written and training resumes from them."""
import json
import os.path as osp
import subprocess
import sys

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
CONFIG = osp.join(ROOT, 'configs', 'deepmot_box_refiner',
                  'deepmot_box-refiner_1xb4-60it_toy.py')


def train(work_dir, *extra):
    cmd = [sys.executable, osp.join(ROOT, 'tools', 'train.py'), CONFIG,
           '--work-dir', str(work_dir), *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def scalars(work_dir):
    files = sorted(work_dir.glob('*/vis_data/scalars.json'))
    rows = []
    for f in files:
        rows += [json.loads(line) for line in f.read_text().splitlines()]
    return [r for r in rows if 'dmota' in r]


def test_dmota_rises_and_resume(tmp_path):
    train(tmp_path, '--cfg-options', 'train_cfg.max_iters=30',
          'default_hooks.checkpoint.interval=15',
          'default_hooks.logger.interval=5')
    rows = scalars(tmp_path)
    first, last = rows[0], rows[-1]
    assert last['dmota'] > first['dmota'] + 0.2, (first, last)
    assert last['loss_dmota'] < first['loss_dmota']
    assert (tmp_path / 'iter_30.pth').exists()
    # resume continues from iteration 30 to 40, it does not restart
    proc = train(tmp_path, '--resume', '--cfg-options',
                 'train_cfg.max_iters=40', 'default_hooks.logger.interval=5')
    assert 'resumed epoch: 0, iter: 30' in proc.stdout + proc.stderr
    assert (tmp_path / 'iter_40.pth').exists()
