"""A wheel built from a clean clone holds the weights the code loads by
default: installed into another environment, ``load_dhn()`` and
``DeepMOTLoss()`` work from a directory outside the repository."""
import glob
import os
import os.path as osp
import shutil
import subprocess
import sys
import sysconfig

import pytest

ROOT = osp.dirname(osp.dirname(osp.abspath(__file__)))

PROBE = '''
import os, sys, torch
import mmdeepmot
from mmdeepmot.apis import DEFAULT_DHN, load_dhn
from mmdeepmot.models.losses import DeepMOTLoss
assert mmdeepmot.__file__.startswith(sys.argv[1]), mmdeepmot.__file__
assert DEFAULT_DHN.startswith(sys.argv[1]), DEFAULT_DHN
dhn = load_dhn()
boxes = torch.tensor([[10., 10., 50., 100.], [60., 20., 90., 110.]])
out = DeepMOTLoss()([dict(pred_boxes=boxes + 2, pred_ids=[1, 2],
                          gt_boxes=boxes, gt_ids=[7, 8],
                          img_shape=(200, 300))])
assert 0.8 < float(out['dmota']) <= 1.0, out
print('ok', type(dhn).__name__, round(float(out['dmota']), 3))
'''


@pytest.mark.skipif(not osp.isdir(osp.join(ROOT, '.git')) or
                    shutil.which('git') is None,
                    reason='needs a git checkout to clone cleanly')
def test_wheel_from_a_clean_clone_works_elsewhere(tmp_path):
    clone = tmp_path / 'clone'
    subprocess.run(['git', 'clone', '-q', ROOT, str(clone)], check=True)
    wheels = tmp_path / 'wheels'
    subprocess.run([sys.executable, '-m', 'pip', 'wheel', '--no-deps',
                    '--no-build-isolation', '-q', '-w', str(wheels),
                    str(clone)], check=True, capture_output=True)
    wheel, = glob.glob(str(wheels / 'mmdeepmot-*.whl'))
    # another environment: a fresh venv that sees the stack (this
    # environment's site-packages through a .pth) but not this checkout
    env_dir = tmp_path / 'venv'
    subprocess.run([sys.executable, '-m', 'venv', '--without-pip',
                    str(env_dir)], check=True)
    python = str(env_dir / 'bin' / 'python')
    site = subprocess.run(
        [python, '-c', 'import sysconfig; print(sysconfig.get_paths()'
         '["purelib"])'], check=True, capture_output=True,
        text=True).stdout.strip()
    with open(osp.join(site, 'stack.pth'), 'w') as f:
        f.write(sysconfig.get_paths()['purelib'] + '\n')
    subprocess.run([sys.executable, '-m', 'pip', 'install', '--no-deps',
                    '-q', '--target', site, wheel], check=True,
                   capture_output=True)
    shutil.rmtree(clone)  # nothing may come from the sources
    elsewhere = tmp_path / 'elsewhere'
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != 'PYTHONPATH'}
    proc = subprocess.run([python, '-c', PROBE, site], cwd=elsewhere,
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.splitlines()[-1].startswith('ok DeepHungarianNet'), \
        proc.stdout
