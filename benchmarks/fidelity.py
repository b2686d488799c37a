"""How faithfully dMOTA follows MOTA, and what the DeepMOT loss costs.

1. motmetrics' TUD-Campus / TUD-Stadtmitte results (``test.txt`` against
   ``gt.txt``): MOTA, MOTP, FP, FN, IDS from motmetrics and from
   ``SoftClearMOT`` with the exact (hungarian), Sinkhorn and DHN matchers.
2. Pearson correlation of soft dMOTA with true MOTA over random
   perturbations (noise, misses, false positives, identity swaps) of a
   ground-truth sequence.
3. DeepMOT loss forward + backward time per frame for h x h frames, one
   frame per call and a 16-frame clip per call (one batched matcher call).

    .venv/bin/python benchmarks/fidelity.py [--num 200] [--frames 60]
        [--dhn shipped work_dirs/.../iter_N.pth] [--out FILE.json]

Every DHN named by ``--dhn`` (``shipped``: the weights in the package) is
scored and timed; part 3 times each whole and cut into blocks
(``split_above=0.5``, the configs' setting).
"""
import argparse
import os.path as osp
import time

import motmetrics as mm
import numpy as np
import torch

import mmdeepmot  # noqa: F401
from mmdeepmot.datasets import motmetrics_data_file
from mmdeepmot.evaluation import SoftClearMOT
from mmdeepmot.models.losses import DeepMOTLoss
from mmdeepmot.utils import numpy1_aliases
from mmdeepmot.utils import write_result_json as write_json

MATCHERS = ('hungarian', 'sinkhorn')


def xyxy(rows: np.ndarray) -> np.ndarray:
    return np.concatenate([rows[:, 2:4], rows[:, 2:4] + rows[:, 4:6]], 1)


def load(seq: str):
    gt_file = motmetrics_data_file(seq)
    gt = np.loadtxt(gt_file, delimiter=',')
    res = np.loadtxt(osp.join(osp.dirname(gt_file), 'test.txt'),
                     delimiter=',')
    return gt, res


def evaluate(matcher: str, gt: np.ndarray, res: np.ndarray) -> dict:
    """``matcher``: hungarian, sinkhorn, or ``dhn:CHECKPOINT``."""
    checkpoint = None
    if matcher.startswith('dhn:'):
        matcher, checkpoint = 'dhn', matcher[4:]
        checkpoint = None if checkpoint == 'shipped' else checkpoint
    # TUD's frames are 640 x 480, the normaliser of the DeepMOT distance
    ev = SoftClearMOT(distance='iou', threshold=0.5, matcher=matcher,
                      img_shape=(480, 640), dhn_checkpoint=checkpoint)
    for f in sorted(set(gt[:, 0]) | set(res[:, 0])):
        g, r = gt[gt[:, 0] == f], res[res[:, 0] == f]
        ev.update(g[:, 1].astype(int).tolist(), xyxy(g),
                  r[:, 1].astype(int).tolist(), xyxy(r))
    return ev.compute()


def motmetrics_reference(gt: np.ndarray, res: np.ndarray) -> dict:
    acc = mm.MOTAccumulator(auto_id=True)
    for f in sorted(set(gt[:, 0]) | set(res[:, 0])):
        g, r = gt[gt[:, 0] == f], res[res[:, 0] == f]
        with numpy1_aliases():  # motmetrics 1.4 calls np.asfarray
            dist = mm.distances.iou_matrix(g[:, 2:6], r[:, 2:6], 0.5)
        acc.update(g[:, 1].astype(int), r[:, 1].astype(int), dist)
    s = mm.metrics.create().compute(
        acc, metrics=['mota', 'motp', 'num_false_positives', 'num_misses',
                      'num_switches'])
    return dict(mota=s['mota'].iloc[0], motp=s['motp'].iloc[0],
                fp=s['num_false_positives'].iloc[0],
                fn=s['num_misses'].iloc[0], ids=s['num_switches'].iloc[0])


def perturb(gt: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A plausible tracker output made from ground truth."""
    out = gt.copy()
    keep = rng.random(len(out)) > rng.uniform(0, 0.4)
    out = out[keep]
    sigma = rng.uniform(0, 0.25)
    out[:, 2:4] += rng.normal(0, sigma, (len(out), 2)) * out[:, 4:6]
    out[:, 4:6] *= np.exp(rng.normal(0, sigma / 2, (len(out), 2)))
    ids = np.unique(out[:, 1])
    for _ in range(int(rng.integers(0, 6))):  # identity swaps from a frame on
        a, b = rng.choice(ids, 2, replace=False)
        start = rng.choice(out[:, 0])
        later = out[:, 0] >= start
        ia, ib = later & (out[:, 1] == a), later & (out[:, 1] == b)
        out[ia, 1], out[ib, 1] = b, a
    num_fp = int(rng.uniform(0, 0.3) * len(out))
    if num_fp:
        src = out[rng.integers(0, len(out), num_fp)].copy()
        src[:, 2:4] += rng.normal(0, 2.0, (num_fp, 2)) * src[:, 4:6]
        src[:, 1] = 10000 + np.arange(num_fp)
        out = np.concatenate([out, src])
    return out


def loss_cost(size: int, matcher: dict, clip: int = 16,
              repeat: int = 3) -> tuple:
    """ms per frame: one frame per call, and a whole clip per call."""
    rng = np.random.default_rng(size)
    gts, preds = [], []
    for _ in range(clip):
        xy = rng.uniform(0, 600, (size, 2))
        wh = rng.uniform(20, 80, (size, 2))
        gt = np.concatenate([xy, xy + wh], 1)
        gts.append(torch.tensor(gt, dtype=torch.float32))
        preds.append(torch.tensor(gt + rng.normal(0, 5, gt.shape),
                                  dtype=torch.float32))
    loss = DeepMOTLoss(matcher=matcher)

    def frames():
        return [dict(pred_boxes=p.clone().requires_grad_(True),
                     pred_ids=list(range(size)), gt_boxes=g,
                     gt_ids=list(range(size)), img_shape=(720, 1280))
                for p, g in zip(preds, gts)]

    def run(groups):
        memory = {}  # the groups are one sequence
        for group in groups:
            out = loss(group, memory)
            (out['loss_dmota'] + out['loss_dmotp']).backward()

    fs = frames()
    run([fs[:1]])  # warm-up (and loads the DHN)
    t = time.perf_counter()
    for _ in range(repeat):
        fs = frames()
        run([[f] for f in fs])
    one = (time.perf_counter() - t) / (repeat * clip)
    t = time.perf_counter()
    for _ in range(repeat):
        run([frames()])
    batched = (time.perf_counter() - t) / (repeat * clip)
    return one * 1e3, batched * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--num', type=int, default=200,
                        help='perturbed sequences for the correlation')
    parser.add_argument('--frames', type=int, default=60,
                        help='frames of TUD-Stadtmitte used per sequence')
    parser.add_argument('--sizes', type=int, nargs='+', default=[5, 20, 40])
    parser.add_argument('--dhn', nargs='+', default=['shipped'],
                        help='DHN checkpoints (shipped: the package\'s)')
    parser.add_argument('--out', help='write the figures as JSON here')
    args = parser.parse_args()
    dhns = [f'dhn:{c}' for c in args.dhn]
    out = dict(tud={}, perturbations={}, loss_ms_per_frame={},
               threads=torch.get_num_threads(), device='cpu')
    matchers = MATCHERS + tuple(dhns)

    print('1. TUD (IoU distance, threshold 0.5); MOTP = mean 1 - IoU')
    print(f'{"sequence":<15} {"source":<11} {"MOTA":>8} {"MOTP":>7} '
          f'{"FP":>7} {"FN":>7} {"IDS":>6} {"|dMOTA|":>8}')
    fidelity = {m: [] for m in matchers}
    for seq in ('TUD-Campus', 'TUD-Stadtmitte'):
        gt, res = load(seq)
        ref = motmetrics_reference(gt, res)
        rows = [('motmetrics', ref)] + [(m, evaluate(m, gt, res))
                                        for m in matchers]
        for name, r in rows:
            diff = abs(r['mota'] - ref['mota'])
            if name in fidelity:
                fidelity[name].append(diff)
            out['tud'].setdefault(seq, {})[name] = dict(
                {k: float(v) for k, v in r.items()}, abs_dmota_error=diff)
            print(f'{seq:<15} {name:<11} {r["mota"]:8.4f} {r["motp"]:7.4f} '
                  f'{r["fp"]:7.2f} {r["fn"]:7.2f} {r["ids"]:6.2f} '
                  f'{diff:8.4f}')

    print(f'\n2. {args.num} perturbations of TUD-Stadtmitte '
          f'(first {args.frames} frames)')
    gt, _ = load('TUD-Stadtmitte')
    gt = gt[gt[:, 0] <= args.frames]
    rng = np.random.default_rng(0)
    values = {m: [] for m in matchers}
    for _ in range(args.num):
        res = perturb(gt, rng)
        for m in matchers:
            values[m].append(evaluate(m, gt, res)['mota'])
    truth = np.array(values['hungarian'])
    print(f'true MOTA range {truth.min():.3f} .. {truth.max():.3f}')
    for m in ('sinkhorn', *dhns):
        soft = np.array(values[m])
        r = np.corrcoef(truth, soft)[0, 1]
        error = float(np.abs(soft - truth).mean())
        out['perturbations'][m] = dict(pearson=float(r), mean_abs_error=error)
        print(f'{m:<9} Pearson r = {r:.4f}   mean |dMOTA - MOTA| = '
              f'{error:.4f}')

    print('\n3. DeepMOT loss forward+backward, ms per frame (CPU, '
          f'{torch.get_num_threads()} threads)')
    print(f'{"size":>6} {"matcher":<9} {"per frame":>10} {"16-clip":>9} '
          f'{"gain":>6}')
    for size in args.sizes:
        variants = [('sinkhorn', dict(type='SinkhornMatcher'))]
        for c in args.dhn:
            path = None if c == 'shipped' else c
            variants += [(c, dict(type='DHNMatcher', checkpoint=path)),
                         (f'{c} blocks',
                          dict(type='DHNMatcher', checkpoint=path,
                               split_above=0.5))]
        for name, matcher in variants:
            one, batched = loss_cost(size, matcher)
            out['loss_ms_per_frame'][f'{size}x{size} {name}'] = dict(
                per_frame=one, clip16=batched)
            print(f'{size:>3}x{size:<3}{name:<9} {one:10.2f} {batched:9.2f} '
                  f'{one / batched:5.1f}x')
    if args.out:
        write_json(args.out, out)


if __name__ == '__main__':
    main()
