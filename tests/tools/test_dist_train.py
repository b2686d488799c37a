"""tools/dist_train.sh: two CPU processes (gloo) train the toy DeepMOT
refiner; both ranks log, the checkpoint is written once."""
import os
import os.path as osp
import socket
import subprocess
import sys

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def test_two_processes_on_cpu(tmp_path):
    env = dict(os.environ, PYTHON=sys.executable, PORT=str(free_port()),
               OMP_NUM_THREADS='1')
    # started from another directory, the config named from there
    elsewhere = tmp_path / 'elsewhere'
    elsewhere.mkdir()
    config = osp.relpath(
        osp.join(ROOT, 'configs', 'deepmot_box_refiner',
                 'deepmot_box-refiner_1xb4-60it_toy.py'), elsewhere)
    proc = subprocess.run(
        ['bash', osp.join(ROOT, 'tools', 'dist_train.sh'), config, '2',
         '--work-dir', str(tmp_path), '--cfg-options',
         'train_cfg.max_iters=6', 'default_hooks.checkpoint.interval=6',
         'default_hooks.logger.interval=2'],
        capture_output=True, text=True, cwd=elsewhere, env=env,
        timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    logs = {p.name: p.read_text() for p in tmp_path.glob('*/*.log')}
    rank1 = [t for n, t in logs.items() if n.endswith('_rank1.log')]
    rank0 = [t for n, t in logs.items() if not n.endswith('_rank1.log')]
    assert len(rank0) == 1 and len(rank1) == 1, sorted(logs)
    for text in rank0 + rank1:
        # each process runs its own DeepMOT loss and logs it
        assert 'Iter(train) [6/6]' in text and 'loss_dmota' in text
    assert 'Distributed launcher: pytorch' in rank0[0]
    assert "dist_cfg: {'backend': 'gloo'}" in rank0[0]
    ckpts = sorted(p.name for p in tmp_path.glob('*.pth'))
    assert ckpts == ['iter_6.pth']
