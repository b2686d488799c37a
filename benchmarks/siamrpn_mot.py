"""Batched multi-object SiamRPN against one SiamRPN per track.

For 1, 5, 10, 20 and 40 live tracks on a 640 x 360 frame, times one
tracking step of ``DeepMOTSiamRPN.track_step`` (every track's search
region through the network as one batch) and the same tracks run one
after another through mmtrack's own ``SiamRPN.track`` (what the official
DeepMOT code does), with the small toy model
(``configs/deepmot_siamrpn/deepmot_siamrpn_r18-c16_1xb2-clip3-300it_toy.py``)
or any DeepMOTSiamRPN config
(``--config configs/deepmot_siamrpn_mot17.py``: SiamRPN++ R50, random
weights), and prints milliseconds per frame, frames per second and the
ratio.

    .venv/bin/python benchmarks/siamrpn_mot.py [--tracks 1 5 10 20 40] \
        [--repeat 5] [--threads 2] [--config CONFIG] [--device cuda]
"""
import argparse
import os.path as osp
import time

import torch
from addict import Dict
from mmengine.config import Config
from mmengine.registry import init_default_scope
from mmtrack.registry import MODELS
from mmtrack.structures import TrackDataSample

import mmdeepmot  # noqa: F401

ROOT = osp.dirname(osp.dirname(osp.abspath(__file__)))
SHAPE = (360, 640)


def scene(num: int, gen: torch.Generator) -> torch.Tensor:
    """``num`` pedestrian-sized boxes (cx, cy, w, h) in the frame."""
    w = 20 + 20 * torch.rand(num, generator=gen)
    h = 2.5 * w
    cx = w / 2 + (SHAPE[1] - w) * torch.rand(num, generator=gen)
    cy = h / 2 + (SHAPE[0] - h) * torch.rand(num, generator=gen)
    return torch.stack([cx, cy, w, h], dim=1)


def best_of(fn, repeat: int, device: str) -> float:
    """Fastest of ``repeat`` runs of ``fn`` (after one warm-up), seconds."""
    def sync():
        if device.startswith('cuda'):
            torch.cuda.synchronize()

    fn()
    times = []
    for _ in range(repeat):
        sync()
        start = time.perf_counter()
        fn()
        sync()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--tracks', type=int, nargs='+',
                        default=[1, 5, 10, 20, 40])
    parser.add_argument('--repeat', type=int, default=5)
    parser.add_argument('--threads', type=int, default=2)
    parser.add_argument('--config',
                        default=osp.join(
                            ROOT, 'configs', 'deepmot_siamrpn',
                            'deepmot_siamrpn_r18-c16_1xb2-clip3-300it_toy.py'))
    parser.add_argument('--device', default='cpu')
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    cfg = Config.fromfile(args.config)
    init_default_scope('mmtrack')
    cfg.model.deepmot_loss = None
    cfg.model.pop('init_cfg', None)  # random weights: nothing downloaded
    model = MODELS.build(cfg.model).eval().to(args.device)
    gen = torch.Generator().manual_seed(0)
    img = (torch.rand(1, 3, *SHAPE, generator=gen) * 255).to(args.device)
    avg = img.mean(dim=(0, 2, 3))
    sample = TrackDataSample(metainfo=dict(ori_shape=SHAPE))
    print(f'{osp.basename(args.config)}, one frame {SHAPE[1]}x{SHAPE[0]}, '
          f'best of {args.repeat}, {args.device}, {args.threads} threads')
    print(f'{"tracks":>6} {"batched ms":>11} {"fps":>7} '
          f'{"one-by-one ms":>14} {"fps":>7} {"ratio":>6}')
    for num in args.tracks:
        boxes = scene(num, gen).to(args.device)
        with torch.no_grad():
            feats = model.templates([img] * num, boxes, [avg] * num)
            memos = []
            for box in boxes:
                model.memo = Dict(bbox=box.clone())
                model.init(img)
                memos.append(model.memo)

            def batched():
                model.track_step([img] * num, boxes, feats, [avg] * num,
                                 [SHAPE] * num)

            def one_by_one():
                for memo in memos:
                    model.memo = memo
                    model.track(img, [sample])

            t_b = best_of(batched, args.repeat, args.device)
            t_s = best_of(one_by_one, args.repeat, args.device)
        print(f'{num:6d} {1000 * t_b:11.1f} {1 / t_b:7.1f} '
              f'{1000 * t_s:14.1f} {1 / t_s:7.1f} {t_b / t_s:6.2f}')


if __name__ == '__main__':
    main()
