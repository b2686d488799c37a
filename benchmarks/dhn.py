"""Accuracy and speed of Deep Hungarian Nets, per size band, side by side.

Prints, for held-out matrices of each band (number of objects), the weighted
accuracy, precision, recall, F1 and exact-match rate of ``DHN > 0.5``
against scipy's Hungarian assignment, then the time of one DHN forward (and
forward + backward) per matrix, called one matrix at a time and as one
padded batch of 32, beside scipy's ``linear_sum_assignment``.

    .venv/bin/python benchmarks/dhn.py [--checkpoints A.pth B.pth]
        [--bands 1-5 6-15 16-30 31-60 61-100] [--num 200]

Every network reads the same held-out matrices (seed 777); ``shipped``
stands for the weights in the package.
"""
import argparse
import time
from typing import Callable, List

import torch
from scipy.optimize import linear_sum_assignment

import mmdeepmot  # noqa: F401
from mmdeepmot.apis import load_dhn
from mmdeepmot.datasets import size_band_dataset
from mmdeepmot.evaluation import assignment_counts, assignment_scores

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

    return dict(
        single_fwd=per_call(single_fwd, repeat),
        single_fwd_bwd=per_call(single_fwd_bwd, repeat),
        batch_fwd=per_call(batch_fwd, 2) / len(batch),
        batch_fwd_bwd=per_call(batch_fwd_bwd, 1) / len(batch),
        scipy=per_call(scipy, 200))


def report(name: str, dhn: torch.nn.Module, bands: List[tuple], num: int,
           repeat: int, timing: bool) -> None:
    """One network's table (and timings) over the bands."""
    print(f'\n{name}: {sum(p.numel() for p in dhn.parameters())} '
          f'parameters, {torch.get_num_threads()} threads')
    print(f'{"band":>7} {"n":>4} {"WA":>7} {"prec":>7} {"recall":>7} '
          f'{"F1":>7} {"exact":>7}')
    upto30 = []
    timings = {}
    for lo, hi in bands:
        ds = size_band_dataset(lo, hi, num, HELD_OUT_SEED)
        items = [ds[i] for i in range(len(ds))]
        mats = [x['dist'] for x in items]
        labels = [x['label'] for x in items]
        counts = band_accuracy(dhn, mats, labels)
        if hi <= 30:
            upto30 += counts
        s = assignment_scores(counts)
        print(f'{lo:>3}-{hi:<3} {len(counts):>4} {s["wa"]:7.4f} '
              f'{s["precision"]:7.4f} {s["recall"]:7.4f} {s["f1"]:7.4f} '
              f'{s["exact"]:7.4f}')
        if timing:
            timings[(lo, hi)] = band_timing(dhn, mats, repeat)
    if upto30:
        s = assignment_scores(upto30)
        print(f'{"1-30":>7} {len(upto30):>4} {s["wa"]:7.4f} '
              f'{s["precision"]:7.4f} {s["recall"]:7.4f} {s["f1"]:7.4f} '
              f'{s["exact"]:7.4f}')
    if not timings:
        return
    print('ms per matrix (CPU): DHN one call per matrix, DHN padded batch '
          'of 32 (mixed sizes), scipy linear_sum_assignment')
    print(f'{"band":>7} {"fwd":>9} {"fwd+bwd":>9} {"b32 fwd":>9} '
          f'{"b32 f+b":>9} {"speedup":>8} {"scipy":>9}')
    for (lo, hi), t in timings.items():
        print(f'{lo:>3}-{hi:<3} {t["single_fwd"] * 1e3:9.2f} '
              f'{t["single_fwd_bwd"] * 1e3:9.2f} {t["batch_fwd"] * 1e3:9.2f} '
              f'{t["batch_fwd_bwd"] * 1e3:9.2f} '
              f'{t["single_fwd"] / t["batch_fwd"]:7.1f}x '
              f'{t["scipy"] * 1e3:9.4f}')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--checkpoints', nargs='+', default=['shipped'],
                        help='DHN checkpoints to compare (shipped: the '
                        'weights in the package)')
    parser.add_argument('--bands', nargs='+', default=BANDS,
                        help='object-count bands LO-HI')
    parser.add_argument('--num', type=int, default=200,
                        help='held-out matrices per band')
    parser.add_argument('--repeat', type=int, default=5,
                        help='timed single calls per band')
    parser.add_argument('--no-timing', action='store_true')
    args = parser.parse_args()
    try:
        bands = [tuple(int(v) for v in b.split('-')) for b in args.bands]
        assert all(len(b) == 2 and 1 <= b[0] <= b[1] for b in bands)
    except (ValueError, AssertionError):
        parser.error(f'--bands: LO-HI with 1 <= LO <= HI, got {args.bands}')
    for path in args.checkpoints:
        dhn = load_dhn(None if path == 'shipped' else path)
        report(path, dhn, bands, args.num, args.repeat, not args.no_timing)


if __name__ == '__main__':
    main()
