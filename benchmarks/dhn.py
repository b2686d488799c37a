"""Accuracy and speed of the shipped Deep Hungarian Net, per size band.

Prints, for held-out matrices of each band (number of objects), the weighted
accuracy, precision, recall, F1 and exact-match rate of ``DHN > 0.5``
against scipy's Hungarian assignment, then the time of one DHN forward (and
forward + backward) per matrix, called one matrix at a time and as one
padded batch of 32, beside scipy's ``linear_sum_assignment``.

    .venv/bin/python benchmarks/dhn.py [--checkpoint PATH] [--num 200]
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

BANDS = [(1, 5), (6, 15), (16, 30), (31, 60)]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--checkpoint', help='DHN checkpoint (default: '
                        'the shipped one)')
    parser.add_argument('--num', type=int, default=200,
                        help='held-out matrices per band')
    parser.add_argument('--repeat', type=int, default=5,
                        help='timed single calls per band')
    parser.add_argument('--no-timing', action='store_true')
    args = parser.parse_args()

    dhn = load_dhn(args.checkpoint)
    print(f'DHN: {sum(p.numel() for p in dhn.parameters())} parameters, '
          f'{torch.get_num_threads()} threads')
    header = (f'{"band":>7} {"n":>4} {"WA":>7} {"prec":>7} {"recall":>7} '
              f'{"F1":>7} {"exact":>7}')
    print(header)
    upto30 = []
    timings = {}
    for lo, hi in BANDS:
        ds = size_band_dataset(lo, hi, args.num, HELD_OUT_SEED)
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
        if not args.no_timing:
            timings[(lo, hi)] = band_timing(dhn, mats, args.repeat)
    s = assignment_scores(upto30)
    print(f'{"1-30":>7} {len(upto30):>4} {s["wa"]:7.4f} {s["precision"]:7.4f}'
          f' {s["recall"]:7.4f} {s["f1"]:7.4f} {s["exact"]:7.4f}')
    if not timings:
        return
    print('\nms per matrix (CPU): DHN one call per matrix, DHN padded batch '
          'of 32 (mixed sizes), scipy linear_sum_assignment')
    print(f'{"band":>7} {"fwd":>9} {"fwd+bwd":>9} {"b32 fwd":>9} '
          f'{"b32 f+b":>9} {"speedup":>8} {"scipy":>9}')
    for (lo, hi), t in timings.items():
        print(f'{lo:>3}-{hi:<3} {t["single_fwd"] * 1e3:9.2f} '
              f'{t["single_fwd_bwd"] * 1e3:9.2f} {t["batch_fwd"] * 1e3:9.2f} '
              f'{t["batch_fwd_bwd"] * 1e3:9.2f} '
              f'{t["single_fwd"] / t["batch_fwd"]:7.1f}x '
              f'{t["scipy"] * 1e3:9.4f}')


if __name__ == '__main__':
    main()
