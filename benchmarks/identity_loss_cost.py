"""What the identity terms (dIDF1, dHOTA) add to the DeepMOT loss, by clip
length.

Times the loss's forward and backward on clips of real PETS09-S2L1 ground
truth (every person of each frame, ids kept) with jittered boxes as
predicted tracks and two ids swapped half-way, under the study's matcher
(the DHN), with dMOTA and dMOTP alone, with dIDF1, with dHOTA and with
both; the variants take turns clip by clip. Prints milliseconds per clip
and what each identity variant adds over the paper's loss; a training
step's time at the same clip length (``--step-ms``, e.g. from
``benchmarks/tracktor_step.py``) turns that into a share of the step.

    .venv/bin/python benchmarks/identity_loss_cost.py \
        [--gt data/PETS09/train/PETS09-S2L1/gt/gt.txt] \
        [--lengths 3 8 16] [--clips 20] [--threads 2] [--out FILE.json]
"""
import argparse
import statistics
import time
from typing import Dict, List

import numpy as np
import torch

import mmdeepmot  # noqa: F401
from mmdeepmot.datasets.mot_challenge_io import read_gt
from mmdeepmot.models.losses import DeepMOTLoss
from mmdeepmot.utils import write_result_json

VARIANTS = {
    'dmota+dmotp': {},
    '+didf1': dict(lambda_idf1=1.0),
    '+dhota': dict(lambda_hota=1.0),
    '+didf1+dhota': dict(lambda_idf1=1.0, lambda_hota=1.0),
}


def clips_of(gt: np.ndarray, length: int, count: int,
             seed: int = 0) -> List[List[dict]]:
    """``count`` clips of ``length`` consecutive frames of ``gt`` as loss
    frames: jittered boxes as tracks, the first two ids swapped from the
    middle frame on."""
    rng = np.random.default_rng(seed)
    last = int(gt[:, 0].max())
    clips = []
    for start in rng.integers(1, last - length + 2, size=count):
        frames, swap = [], None
        for k, frame in enumerate(range(start, start + length)):
            rows = gt[gt[:, 0] == frame]
            boxes = torch.tensor(np.concatenate(
                [rows[:, 2:4], rows[:, 2:4] + rows[:, 4:6]], 1),
                dtype=torch.float32)
            ids = rows[:, 1].astype(int).tolist()
            if swap is None and len(ids) >= 2:
                swap = ids[:2]
            track_ids = [
                {swap[0]: swap[1], swap[1]: swap[0]}.get(i, i)
                if swap and k >= length // 2 else i for i in ids
            ]
            pred = boxes + torch.randn_like(boxes) * 3
            frames.append(dict(pred_boxes=pred.requires_grad_(True),
                               pred_ids=track_ids, gt_boxes=boxes,
                               gt_ids=ids, img_shape=(576, 768)))
        clips.append(frames)
    return clips


def time_variants(clips: List[List[dict]]) -> Dict[str, float]:
    """Median milliseconds of forward + backward per clip, per variant."""
    losses = {name: DeepMOTLoss(matcher=dict(type='DHNMatcher',
                                             split_above=0.5), **opts)
              for name, opts in VARIANTS.items()}
    times: Dict[str, List[float]] = {name: [] for name in VARIANTS}
    for frames in clips:
        for name, loss in losses.items():
            start = time.perf_counter()
            out = loss(frames)
            total = sum(v for k, v in out.items() if k.startswith('loss_'))
            total.backward()
            times[name].append(1000 * (time.perf_counter() - start))
    return {name: statistics.median(t) for name, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--gt',
                        default='data/PETS09/train/PETS09-S2L1/gt/gt.txt')
    parser.add_argument('--lengths', type=int, nargs='+', default=[3, 8, 16])
    parser.add_argument('--clips', type=int, default=20)
    parser.add_argument('--threads', type=int, default=2)
    parser.add_argument('--step-ms', type=float, nargs='*', default=[],
                        help='a training step in ms at each length (as '
                        '--lengths), to report the share of the step')
    parser.add_argument('--out', help='write the figures as JSON here')
    args = parser.parse_args()
    if args.step_ms and len(args.step_ms) != len(args.lengths):
        parser.error(f'--step-ms: {len(args.step_ms)} values for '
                     f'{len(args.lengths)} lengths')
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    gt = read_gt(args.gt)
    ms_per_clip, added_ms, share = {}, {}, {}
    print('| clip frames | ' + ' | '.join(VARIANTS) +
          ' | identity terms add |')
    print('|---' * (len(VARIANTS) + 2) + '|')
    for k, length in enumerate(args.lengths):
        ms = time_variants(clips_of(gt, length, args.clips))
        added = ms['+didf1+dhota'] - ms['dmota+dmotp']
        ms_per_clip[str(length)] = ms
        added_ms[str(length)] = added
        if args.step_ms:
            share[str(length)] = added / args.step_ms[k]
        print(f'| {length} | ' + ' | '.join(f'{v:.1f}' for v in ms.values())
              + f' | {added:.1f} ms |')
    if args.out:
        # by clip length: {length: {variant: ms}} and {length: ms}
        record = dict(threads=args.threads, clips=args.clips, gt=args.gt,
                      ms_per_clip=ms_per_clip, identity_added_ms=added_ms)
        if share:
            record['identity_share_of_step'] = share
        write_result_json(args.out, record)


if __name__ == '__main__':
    main()
