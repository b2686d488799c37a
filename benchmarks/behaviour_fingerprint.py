"""Fingerprints of the toy twins: hashes of the weights after a few
training iterations and of the test boxes they give, so that a change
meant to leave behaviour alone (a refactor) can be checked to.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/behaviour_fingerprint.py \
        [--iters 3] [--work-dir work_dirs/fingerprint] [--out FILE] \
        [--check FILE]

Each toy twin config (Tracktor and SiamRPN, vanilla and DeepMOT) is
trained for ``--iters`` iterations (seed 0, no validation) with
tools/train.py and tested with tools/test.py on the toy test split. The
JSON (config -> weights and result hashes) is printed and written to
``--out``; ``--check`` compares with a committed one and exits 1 naming
what differs. Needs the toy set (``make demo``'s first step).
"""
import argparse
import glob
import hashlib
import json
import os
import os.path as osp
import shutil
import subprocess
import sys

import torch

from mmdeepmot.utils.config_moves import moved_configs

ROOT = osp.dirname(osp.dirname(osp.abspath(__file__)))
CONFIGS = tuple(
    f'configs/deepmot_{tracker}/{role}_{tracker}_{rest}_toy.py'
    for tracker, rest in (('tracktor', 'r18-c16-fpn_1xb2-clip3-600it'),
                          ('siamrpn', 'r18-c16_1xb2-clip3-300it'))
    for role in ('vanilla', 'deepmot'))


def weights_hash(path: str) -> str:
    """sha1 of a checkpoint's state dict (names, shapes and bytes)."""
    state = torch.load(path, map_location='cpu',
                       weights_only=False)['state_dict']
    digest = hashlib.sha1()
    for name in sorted(state):
        tensor = state[name].contiguous()
        digest.update(name.encode())
        digest.update(str(tuple(tensor.shape)).encode())
        digest.update(tensor.numpy().tobytes())
    return digest.hexdigest()


def results_hash(folder: str) -> str:
    """sha1 of a test's MOTChallenge result files, in name order."""
    digest = hashlib.sha1()
    files = sorted(glob.glob(osp.join(folder, '**', '*.txt'),
                             recursive=True))
    if not files:
        raise FileNotFoundError(f'no result files under {folder}')
    for path in files:
        digest.update(osp.basename(path).encode())
        with open(path, 'rb') as f:
            digest.update(f.read())
    return digest.hexdigest()


def fingerprint(config: str, iters: int, work_dir: str) -> dict:
    """Train ``config`` for ``iters`` iterations, test it, hash both."""
    run = osp.join(work_dir, osp.splitext(osp.basename(config))[0])
    shutil.rmtree(run, ignore_errors=True)
    python = sys.executable
    opts = [f'train_cfg.max_iters={iters}', f'train_cfg.val_interval={iters}',
            'randomness.seed=0', 'val_cfg=None', 'val_dataloader=None',
            'val_evaluator=None', 'default_hooks.checkpoint.save_best=None',
            f'default_hooks.checkpoint.interval={iters}']
    for cmd in (
            [python, 'tools/train.py', config, '--work-dir', run,
             '--cfg-options'] + opts,
            [python, 'tools/test.py', config, '--checkpoint',
             osp.join(run, f'iter_{iters}.pth'), '--work-dir', run]):
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if done.returncode:
            sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
            raise SystemExit(f'error: {" ".join(cmd)} failed')
    return dict(weights=weights_hash(osp.join(run, f'iter_{iters}.pth')),
                results=results_hash(osp.join(run, 'results')))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--iters', type=int, default=3)
    parser.add_argument('--work-dir', default='work_dirs/fingerprint')
    parser.add_argument('--out')
    parser.add_argument('--check')
    args = parser.parse_args()
    prints = {c: fingerprint(c, args.iters, args.work_dir) for c in CONFIGS}
    record = dict(iters=args.iters,
                  threads=os.environ.get('OMP_NUM_THREADS'),
                  fingerprints=prints)
    print(json.dumps(record, indent=2))
    if args.out:
        with open(args.out, 'w') as f:
            json.dump(record, f, indent=2)
    if args.check:
        with open(args.check) as f:
            want = json.load(f)
        # a file made before the configs moved names them as they were
        moved = moved_configs(ROOT)
        want = {moved.get(c, c): v for c, v in want['fingerprints'].items()}
        differ = [c for c in CONFIGS if want.get(c) != prints[c]]
        if differ:
            raise SystemExit(f'differ from {args.check}: {differ}')
        print(f'identical to {args.check}')


if __name__ == '__main__':
    main()
