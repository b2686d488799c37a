"""Accuracy and speed of Deep Hungarian Nets, per size band, side by side.

Prints, for held-out matrices of each band (number of objects), the weighted
accuracy, precision, recall, F1 and exact-match rate of ``DHN > 0.5``
against scipy's Hungarian assignment, then the time of one DHN forward (and
forward + backward) per matrix, called one matrix at a time and as one
padded batch of 32, beside scipy's ``linear_sum_assignment``.

    .venv/bin/python benchmarks/dhn.py [--checkpoints A.pth B.pth]
        [--bands 1-5 6-15 16-30 31-60 61-100] [--num 200]
        [--real MOT17/train --real-seqs MOT17-10 MOT17-11 MOT17-13
         --every 10] [--square 20 50] [--out benchmarks/results/....json]

Every network reads the same held-out matrices (seed 777); ``shipped``
stands for the weights in the package. ``--real`` scores real matrices
instead: the public detections of a MOTChallenge training folder's
sequences (every ``--every``-th frame, all detector folders of a video)
against their ground truth, in bands of the number of objects.
``--square N`` also times one random N x N matrix per call.
"""
import argparse
import os.path as osp
import time
from typing import Callable, Dict, List, Optional, Sequence

import torch
from scipy.optimize import linear_sum_assignment

import mmdeepmot  # noqa: F401
from mmdeepmot.apis import load_dhn
from mmdeepmot.datasets import public_detection_matrices, size_band_dataset
from mmdeepmot.datasets.mot_challenge_io import list_sequences
from mmdeepmot.evaluation import assignment_counts, assignment_scores
from mmdeepmot.utils import write_result_json

BANDS = ['1-5', '6-15', '16-30', '31-60', '61-100']
HELD_OUT_SEED = 777  # neither the training (0) nor the validation seed


def per_call(fn: Callable[[], object], repeat: int) -> float:
    """Mean seconds of ``fn`` over ``repeat`` calls after one warm-up."""
    fn()
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def band_accuracy(dhn: torch.nn.Module, mats: List[torch.Tensor],
                  labels: List[torch.Tensor]) -> list:
    counts = []
    with torch.no_grad():
        for i in range(0, len(mats), 32):
            for pred, label in zip(dhn(mats[i:i + 32]), labels[i:i + 32]):
                counts.append(assignment_counts(pred, label))
    return counts


def band_timing(dhn: torch.nn.Module, mats: List[torch.Tensor],
                repeat: int) -> dict:
    batch = mats[:32]
    probe = mats[:repeat]
    it = iter(range(10**9))

    def single_fwd():
        with torch.no_grad():
            dhn(probe[next(it) % len(probe)])

    def single_fwd_bwd():
        d = probe[next(it) % len(probe)].clone().requires_grad_(True)
        dhn(d).sum().backward()

    def batch_fwd():
        with torch.no_grad():
            dhn(batch)

    def batch_fwd_bwd():
        ds = [m.clone().requires_grad_(True) for m in batch]
        sum(o.sum() for o in dhn(ds)).backward()

    def scipy():
        m = probe[next(it) % len(probe)].numpy()
        linear_sum_assignment(m)

    return dict(single_fwd=per_call(single_fwd, repeat),
                single_fwd_bwd=per_call(single_fwd_bwd, repeat),
                batch_fwd=per_call(batch_fwd, 2) / len(batch),
                batch_fwd_bwd=per_call(batch_fwd_bwd, 1) / len(batch),
                scipy=per_call(scipy, 200))


def synthetic_bands(bands: List[tuple], num: int) -> Dict[tuple, list]:
    """Held-out generated matrices (and labels) of each band."""
    out = {}
    for lo, hi in bands:
        ds = size_band_dataset(lo, hi, num, HELD_OUT_SEED)
        out[(lo, hi)] = [(x['dist'], x['label'])
                         for x in (ds[i] for i in range(len(ds)))]
    return out


def real_bands(root: str, seqs: Optional[Sequence[str]], every: int,
               bands: List[tuple]) -> Dict[tuple, list]:
    """Public-detection matrices of the sequences under ``root`` whose
    names start with one of ``seqs`` (all when None), in bands of the
    number of ground-truth objects (columns); matrices outside every band
    are counted in none."""
    names = [
        n for n in list_sequences(root)
        if not seqs or any(n.startswith(s) for s in seqs)
    ]
    if not names:
        raise FileNotFoundError(f'no sequence of {seqs} under {root}')
    out: Dict[tuple, list] = {band: [] for band in bands}
    for name in names:
        for item in public_detection_matrices(osp.join(root, name), every):
            width = item['dist'].shape[1]
            for lo, hi in bands:
                if lo <= width <= hi:
                    out[(lo, hi)].append((torch.from_numpy(item['dist']),
                                          torch.from_numpy(item['label'])))
    print(f'real matrices: {sum(len(v) for v in out.values())} from '
          f'{len(names)} sequences ({", ".join(names)}), every {every} '
          'frames')
    return out


def square_timing(dhn: torch.nn.Module, size: int, repeat: int) -> dict:
    """ms of forward and forward + backward of one random size x size
    matrix."""
    dist = torch.rand(size, size, generator=torch.Generator().manual_seed(0))

    def fwd():
        with torch.no_grad():
            dhn(dist)

    def fwd_bwd():
        dhn(dist.clone().requires_grad_(True)).sum().backward()

    return dict(fwd=per_call(fwd, repeat) * 1e3,
                fwd_bwd=per_call(fwd_bwd, repeat) * 1e3)


def _row(name: str, s: dict) -> str:
    return (f'{name:>7} {s["n"]:>5} {s["wa"]:7.4f} {s["precision"]:7.4f} '
            f'{s["recall"]:7.4f} {s["f1"]:7.4f} {s["exact"]:7.4f}')


def report(name: str, dhn: torch.nn.Module, data: Dict[tuple, list],
           repeat: int, timing: bool, squares: Sequence[int] = ()) -> dict:
    """One network's table (and timings) over the bands, also returned."""
    print(f'\n{name}: {sum(p.numel() for p in dhn.parameters())} '
          f'parameters, {torch.get_num_threads()} threads')
    print(f'{"band":>7} {"n":>5} {"WA":>7} {"prec":>7} {"recall":>7} '
          f'{"F1":>7} {"exact":>7}')
    upto30, every = [], []
    result = dict(bands={}, timing_ms={})
    timings = {}
    for (lo, hi), items in data.items():
        if not items:
            continue
        mats = [d for d, _ in items]
        counts = band_accuracy(dhn, mats, [lab for _, lab in items])
        every += counts
        if hi <= 30:
            upto30 += counts
        s = dict(assignment_scores(counts), n=len(counts))
        result['bands'][f'{lo}-{hi}'] = s
        print(_row(f'{lo}-{hi}', s))
        if timing:
            timings[(lo, hi)] = band_timing(dhn, mats, repeat)
    for key, counts in (('1-30', upto30), ('all', every)):
        if counts:
            s = dict(assignment_scores(counts), n=len(counts))
            result['bands'][key] = s
            print(_row(key, s))
    for size in squares:
        t = square_timing(dhn, size, repeat)
        result['timing_ms'][f'{size}x{size}'] = t
        print(f'one {size}x{size} matrix: forward {t["fwd"]:.2f} ms, '
              f'forward + backward {t["fwd_bwd"]:.2f} ms')
    if not timings:
        return result
    print('ms per matrix (CPU): DHN one call per matrix, DHN padded batch '
          'of 32 (mixed sizes), scipy linear_sum_assignment')
    print(f'{"band":>7} {"fwd":>9} {"fwd+bwd":>9} {"b32 fwd":>9} '
          f'{"b32 f+b":>9} {"speedup":>8} {"scipy":>9}')
    for (lo, hi), t in timings.items():
        result['timing_ms'][f'{lo}-{hi}'] = {k: v * 1e3 for k, v in t.items()}
        print(f'{lo:>3}-{hi:<3} {t["single_fwd"] * 1e3:9.2f} '
              f'{t["single_fwd_bwd"] * 1e3:9.2f} {t["batch_fwd"] * 1e3:9.2f} '
              f'{t["batch_fwd_bwd"] * 1e3:9.2f} '
              f'{t["single_fwd"] / t["batch_fwd"]:7.1f}x '
              f'{t["scipy"] * 1e3:9.4f}')
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--checkpoints',
                        nargs='+',
                        default=['shipped'],
                        help='DHN checkpoints to compare (shipped: the '
                        'weights in the package)')
    parser.add_argument('--bands',
                        nargs='+',
                        default=BANDS,
                        help='object-count bands LO-HI')
    parser.add_argument('--num',
                        type=int,
                        default=200,
                        help='held-out matrices per band')
    parser.add_argument('--repeat',
                        type=int,
                        default=5,
                        help='timed single calls per band')
    parser.add_argument('--no-timing', action='store_true')
    parser.add_argument('--real',
                        metavar='ROOT',
                        help='score public-detection matrices of the '
                        'MOTChallenge sequences under ROOT instead')
    parser.add_argument('--real-seqs',
                        nargs='+',
                        help='with --real: sequence name prefixes '
                        '(default: all)')
    parser.add_argument('--every',
                        type=int,
                        default=10,
                        help='with --real: every N-th frame')
    parser.add_argument('--square', type=int, nargs='+', default=[],
                        help='also time one random N x N matrix')
    parser.add_argument('--out', help='write the figures as JSON here')
    args = parser.parse_args()
    try:
        bands = [tuple(int(v) for v in b.split('-')) for b in args.bands]
        assert all(len(b) == 2 and 1 <= b[0] <= b[1] for b in bands)
    except (ValueError, AssertionError):
        parser.error(f'--bands: LO-HI with 1 <= LO <= HI, got {args.bands}')
    if args.real:
        data = real_bands(args.real, args.real_seqs, args.every, bands)
    else:
        data = synthetic_bands(bands, args.num)
    results = {}
    for path in args.checkpoints:
        dhn = load_dhn(None if path == 'shipped' else path)
        results[path] = report(path, dhn, data, args.repeat,
                               not args.no_timing, args.square)
    if args.out:
        write_result_json(args.out, dict(threads=torch.get_num_threads(),
                                         device='cpu', networks=results))


if __name__ == '__main__':
    main()
