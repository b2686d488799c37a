"""The DHN recipe through tools/train.py (validation, checkpoints) and
tools/test.py, with a tiny network and data so that it runs in seconds."""
import os.path as osp
import subprocess
import sys

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
CONFIG = osp.join(ROOT, 'configs', 'dhn',
                  'dhn_bigru-seq-h256_b64-4000it_distmat30.py')
TINY = [
    'model.dhn.hidden_size=8', 'model.dhn.num_layers=1',
    'model.dhn.head_dims=[8]', 'train_dataloader.dataset.length=64',
    'train_dataloader.dataset.max_size=6', 'val_dataloader.dataset.length=16',
    'test_dataloader.dataset.length=16', 'train_dataloader.batch_size=8',
    'train_dataloader.num_workers=0', 'val_dataloader.num_workers=0',
    'test_dataloader.num_workers=0',
    'train_dataloader.persistent_workers=False',
    'val_dataloader.persistent_workers=False',
    'test_dataloader.persistent_workers=False', 'train_cfg.max_iters=4',
    'train_cfg.val_interval=2', 'default_hooks.checkpoint.interval=2',
    'default_hooks.logger.interval=1'
]


def run(tool, *args):
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', tool), CONFIG, *args],
        capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout + proc.stderr


def test_train_validate_checkpoint_and_test(tmp_path):
    log = run('train.py', '--work-dir', str(tmp_path), '--cfg-options',
              *TINY)
    assert 'dhn/wa' in log and 'dhn/f1' in log
    assert (tmp_path / 'iter_4.pth').exists()
    assert list(tmp_path.glob('best_dhn_wa_iter_*.pth'))
    log = run('test.py', '--checkpoint', str(tmp_path / 'iter_4.pth'),
              '--work-dir', str(tmp_path / 'test'), '--cfg-options', *TINY)
    assert 'Iter(test)' in log and 'dhn/wa' in log
    from mmdeepmot.apis import load_dhn
    assert load_dhn(str(tmp_path / 'iter_4.pth')).hidden_size == 8
