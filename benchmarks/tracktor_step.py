"""What the DeepMOT loss adds to a training iteration of the small Tracktor.

Times a full training iteration (forward, backward, optimizer step) of a
ground's vanilla Tracktor twin and of its DeepMOT twin with the Sinkhorn,
the dual-softmax and the DHN matcher (reading whole distance matrices, as
the paper, or the blocks of pairs closer than 0.5,
``DHNMatcher(split_above=0.5)``), on the same pre-collated clip batches,
and prints milliseconds per iteration, the overhead over the vanilla
step and the share of the DeepMOT step that the loss takes. The variants
take turns batch by batch, so a change of load touches them alike.
Grounds: ``toy`` (the generated set), ``pets09`` (about 6 people a
frame), ``mot17drawn`` (MOT17's density), each with the small Tracktor of
``configs/deepmot_tracktor``, and ``pets09_mbv2_clip8``
(the real start on 8-frame clips, with the identity terms of the loss as
one more variant). Starts from the ground's
stage-0 detector when it exists (realistic numbers of tracks), from random
weights otherwise.

    .venv/bin/python benchmarks/tracktor_step.py [--ground toy] \
        [--iters 20] [--data-root DIR] [--threads 2] \
        [--dhn shipped work_dirs/.../iter_N.pth] [--only VARIANT ...] \
        [--out FILE.json]

``--dhn`` names the DHN weights to time (``shipped``: the package's).
"""
import argparse
import os.path as osp
import statistics
import time

import torch
from mmengine.config import Config
from mmengine.dataset import pseudo_collate
from mmengine.registry import init_default_scope
from mmengine.runner import load_checkpoint
from mmtrack.registry import DATASETS, MODELS

import mmdeepmot  # noqa: F401
from mmdeepmot.utils import checkpoint_loaders
from mmdeepmot.utils import write_result_json as write_json

ROOT = osp.dirname(osp.dirname(osp.abspath(__file__)))
# ground -> (what follows ``<kind>_tracktor_`` in its twins' config names,
# stage-0 weights, data)
GROUNDS = {
    'toy': ('r18-c16-fpn_1xb2-clip3-600it_toy', 'tracktor_detector_toy.pth',
            'data/toy-mot17'),
    'pets09': ('r18-c16-fpn_1xb2-clip3-600it_pets09',
               'tracktor_detector_pets09.pth', 'data/PETS09'),
    'mot17drawn': ('r18-c16-fpn_1xb2-clip3-1200it_mot17drawn',
                   'tracktor_detector_mot17drawn.pth', 'data/MOT17-drawn'),
    # the real start on 8-frame clips, where the identity terms are timed
    'pets09_mbv2_clip8': ('mbv2-fpn_1xb1-clip8-600it_pets09',
                          'tracktor_detector_pets09_mbv2.pth', 'data/PETS09'),
}


def variants(dhns: list, ground: str = 'toy') -> dict:
    """name -> (config, matcher): vanilla, Sinkhorn, dual softmax, each
    DHN reading whole matrices and blocks, and where the ground has an
    ``deepmot-identity`` config, the DHN on blocks with the identity
    terms."""
    vanilla, deepmot, identity = (
        osp.join(ROOT, 'configs', 'deepmot_tracktor',
                 f'{kind}_tracktor_{GROUNDS[ground][0]}.py')
        for kind in ('vanilla', 'deepmot', 'deepmot-identity'))
    out = {
        'vanilla': (vanilla, None),
        'deepmot-sinkhorn': (deepmot,
                             dict(type='SinkhornMatcher', max_cost=1.0)),
        'deepmot-dualsoftmax': (deepmot, dict(type='DualSoftmaxMatcher')),
    }
    for dhn in dhns:
        path = None if dhn == 'shipped' else dhn
        tag = '' if len(dhns) == 1 else f'[{dhn}]'
        for mode, split in (('whole', None), ('blocks', 0.5)):
            out[f'deepmot-dhn-{mode}{tag}'] = (
                deepmot,
                dict(type='DHNMatcher', checkpoint=path, split_above=split))
    if osp.isfile(identity):
        out['deepmot-dhn-blocks+identity'] = (
            identity, dict(type='DHNMatcher', split_above=0.5))
    return out


def build(variant: tuple, data_root: str, checkpoint: str):
    """The variant's model (trainable parts only in its optimizer)."""
    config, matcher = variant
    cfg = Config.fromfile(config)
    init_default_scope(cfg.default_scope)
    if matcher is not None:
        cfg.model.deepmot_loss.matcher = matcher
    model = MODELS.build(cfg.model)
    if osp.isfile(checkpoint):
        with checkpoint_loaders():  # a training checkpoint holds more
            load_checkpoint(model, checkpoint, map_location='cpu',
                            logger='silent')
    else:
        # random weights score everything near 0.5: keep all tracks
        model.unroll_cfg['obj_score_thr'] = 0.0
    params = [p for p in model.parameters() if p.requires_grad]
    optim = torch.optim.SGD(params, lr=1e-4, momentum=0.9)
    data = cfg.train_dataloader.dataset
    data.data_root = data_root.rstrip('/') + '/'
    return model, optim, DATASETS.build(data), cfg.train_dataloader.batch_size


def train_iter(model, optim, batch) -> float:
    """Seconds of one training iteration of ``model`` on ``batch``."""
    start = time.perf_counter()
    data = model.data_preprocessor(batch, training=True)
    losses = model.loss(data['inputs'], data['data_samples'])
    loss, _ = model.parse_losses(losses)
    optim.zero_grad()
    loss.backward()
    optim.step()
    return time.perf_counter() - start


def time_interleaved(built: dict, batches: list) -> dict:
    """name -> median seconds of an iteration, the variants taking turns.

    Each batch is run by every variant in turn before the next batch, so
    a change of load on the machine touches all variants alike; the first
    batch only warms up, and the median ignores the odd slow iteration.
    """
    times = {name: [] for name in built}
    for i, batch in enumerate(batches):
        for name, (model, optim) in built.items():
            torch.manual_seed(i)
            sec = train_iter(model, optim, batch)
            if i:
                times[name].append(sec)
    return {name: statistics.median(t) for name, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--ground', choices=sorted(GROUNDS), default='toy')
    parser.add_argument('--iters', type=int, default=20)
    parser.add_argument('--data-root',
                        help="default: the ground's data folder")
    parser.add_argument('--checkpoint',
                        help="default: the ground's stage-0 detector")
    parser.add_argument('--threads', type=int, default=2)
    parser.add_argument('--dhn', nargs='+', default=['shipped'],
                        help='DHN weights (shipped: the package\'s)')
    parser.add_argument('--only', nargs='+',
                        help='time these variants (and vanilla) only')
    parser.add_argument('--out', help='write the figures as JSON here')
    args = parser.parse_args()
    _, weights, data = GROUNDS[args.ground]
    args.data_root = args.data_root or osp.join(ROOT, data)
    args.checkpoint = args.checkpoint or osp.join(ROOT, 'checkpoints',
                                                  weights)
    torch.set_num_threads(args.threads)
    built, batches = {}, None
    chosen = variants(args.dhn, args.ground)
    if args.only:
        unknown = sorted(set(args.only) - set(chosen))
        if unknown:
            parser.error(f'--only: unknown variant(s) {unknown} (the '
                         f'ground has {sorted(chosen)})')
        chosen = {k: v for k, v in chosen.items()
                  if k == 'vanilla' or k in args.only}
    for name, variant in chosen.items():
        torch.manual_seed(0)
        model, optim, dataset, batch_size = build(variant, args.data_root,
                                                  args.checkpoint)
        model.train()
        built[name] = (model, optim)
        if batches is None:  # every variant reads the same clips
            step = max(len(dataset) // (args.iters + 1), 1)
            batches = [
                pseudo_collate([
                    dataset[(i * batch_size + k) * step % len(dataset)]
                    for k in range(batch_size)
                ]) for i in range(args.iters + 1)
            ]
    results = time_interleaved(built, batches)
    base = results['vanilla']
    print(f'training iteration, {args.iters} iterations, batch of '
          f'{batch_size} clips, {args.threads} threads, start: '
          f'{"stage-0 detector" if osp.isfile(args.checkpoint) else "random"}')
    width = max(len(n) for n in results)
    print(f'{"variant":<{width}} {"ms/iter":>9} {"added":>9} '
          f'{"loss share":>10}')
    for name, sec in results.items():
        added = share = ''
        if name != 'vanilla':
            added = f'{100 * (sec / base - 1):8.1f}%'
            share = f'{100 * (1 - base / sec):9.1f}%'
        print(f'{name:<{width}} {1000 * sec:9.1f} {added:>9} {share:>10}')
    if args.out:
        write_json(args.out, dict(
            ms_per_iteration={n: 1000 * s for n, s in results.items()},
            added_percent={n: 100 * (s / base - 1)
                           for n, s in results.items() if n != 'vanilla'},
            # the step's time the DeepMOT loss takes: (with - without) / with
            loss_share_percent={n: 100 * (1 - base / s)
                                for n, s in results.items()
                                if n != 'vanilla'},
            timing='median over iterations, variants taking turns',
            ground=args.ground, iters=args.iters, threads=args.threads,
            device='cpu',
            start='stage-0' if osp.isfile(args.checkpoint) else 'random'))


if __name__ == '__main__':
    main()
