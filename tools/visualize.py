# isort: skip_file
"""Pictures: tracks drawn on a sequence (GIF), training curves (PNG), the
DHN's soft assignment beside Hungarian's for one frame (PNG), one frame
with its ground truth and public detections (PNG/JPEG), the id
co-occurrence of a clip that dIDF1 and dHOTA count (PNG).

    .venv/bin/python tools/visualize.py tracks SEQ_DIR RESULT.txt OUT.gif
    .venv/bin/python tools/visualize.py frame SEQ_DIR FRAME OUT.jpg \
        [--result RESULT.txt --subset half-val]
    .venv/bin/python tools/visualize.py curves OUT.png NAME=WORK_DIR ... \
        [--reference stage0=WORK_DIR/val_metrics.json]
    .venv/bin/python tools/visualize.py dhn OUT.png [--seq TUD-Campus]
    .venv/bin/python tools/visualize.py identity GT.txt RESULT.txt OUT.png \
        --frames FIRST LAST
"""
import argparse
import json
import os
import os.path as osp
from typing import Dict, List

from _env_guard import require_mmdeepmot

require_mmdeepmot()

import numpy as np  # noqa: E402
import torch  # noqa: E402

from mmdeepmot.utils import split_assignment  # noqa: E402
from mmdeepmot.visualization import (  # noqa: E402
    clip_cooccurrence, draw_labelled_frame, draw_tracks, plot_assignment,
    plot_cooccurrence, plot_training, scalar_files)


def dhn_figure(out: str, seq: str, frame: int) -> str:
    """D, DHN and Hungarian of one frame of motmetrics' TUD results
    (tracks: the peer's boxes, objects: ground truth)."""
    from mmdeepmot.apis import load_dhn
    from mmdeepmot.datasets import hungarian_labels, motmetrics_data_file
    from mmdeepmot.structures import deepmot_distance, image_diagonal
    gt_file = motmetrics_data_file(seq)
    gt = np.loadtxt(gt_file, delimiter=',')
    res = np.loadtxt(osp.join(osp.dirname(gt_file), 'test.txt'),
                     delimiter=',')
    frame = frame or int(np.median(gt[:, 0]))
    g, r = gt[gt[:, 0] == frame], res[res[:, 0] == frame]

    def xyxy(rows):
        return torch.tensor(np.concatenate(
            [rows[:, 2:4], rows[:, 2:4] + rows[:, 4:6]], 1),
            dtype=torch.float32)

    dist = deepmot_distance(xyxy(r), xyxy(g), image_diagonal(480, 640))
    with torch.no_grad():
        soft = load_dhn()(dist).numpy()
    d = dist.numpy()
    return plot_assignment(d, soft, hungarian_labels(d), out,
                           f'{seq}, frame {frame}: {len(r)} tracks x '
                           f'{len(g)} objects')


def read_references(items: List[str]) -> Dict[str, float]:
    """NAME=METRICS_JSON -> {NAME: overall MOTA of that file}."""
    out = {}
    for item in items:
        try:
            name, path = split_assignment(item, 'NAME=METRICS_JSON',
                                          '--reference')
        except ValueError as error:
            raise SystemExit(f'error: {error}')
        with open(path) as f:
            out[name] = float(json.load(f)['overall']['MOTA'])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sub = parser.add_subparsers(dest='what', required=True)
    p = sub.add_parser('tracks', help='GIF of a sequence with its tracks')
    p.add_argument('seq_dir')
    p.add_argument('result')
    p.add_argument('out')
    p.add_argument('--max-frames', type=int, default=150)
    p.add_argument('--scale', type=float, default=1.0)
    p = sub.add_parser('frame', help='a frame with its gt and detections')
    p.add_argument('seq_dir')
    p.add_argument('frame', type=int)
    p.add_argument('out')
    p.add_argument('--scale', type=float, default=2.0)
    p.add_argument('--no-det', action='store_true')
    p.add_argument('--result', help='draw these tracks (a MOTChallenge '
                   'result file) instead of the ground truth')
    p.add_argument('--subset', default='train', help='the split the result '
                   'file tracked (half-val: its frame 1 is the first '
                   'half-val frame, as MMTracking writes it)')
    p = sub.add_parser('curves', help='training curves of work dirs')
    p.add_argument('out')
    p.add_argument('runs', nargs='+', help='NAME=WORK_DIR or scalars.json')
    p.add_argument('--reference', nargs='+', default=[],
                   metavar='NAME=METRICS_JSON',
                   help='dashed lines on the validation panel: the overall '
                   'MOTA of a tools/test.py --json file (e.g. the stage-0 '
                   'weights on the validation data)')
    p = sub.add_parser('dhn', help='DHN vs Hungarian on a TUD frame')
    p.add_argument('out')
    p.add_argument('--seq', default='TUD-Campus')
    p.add_argument('--frame', type=int, default=0)
    p = sub.add_parser('identity', help="a clip's id co-occurrence S")
    p.add_argument('gt', help='ground-truth file')
    p.add_argument('result', help='result file (same frame numbers)')
    p.add_argument('out')
    p.add_argument('--frames', type=int, nargs=2, required=True,
                   metavar=('FIRST', 'LAST'))
    args = parser.parse_args()
    if args.what == 'tracks':
        path = draw_tracks(args.seq_dir, args.result, args.out,
                           args.max_frames, args.scale)
    elif args.what == 'frame':
        from mmdeepmot.datasets.mot_challenge_io import (read_seqinfo,
                                                         subset_frames)
        length = int(read_seqinfo(args.seq_dir)['seqLength'])
        path = draw_labelled_frame(
            args.seq_dir, args.frame, args.out, not args.no_det, args.scale,
            args.result, subset_frames(args.subset, length).start)
    elif args.what == 'curves':
        runs = {}
        for item in args.runs:
            name, _, where = item.rpartition('=')
            runs[name or osp.basename(where.rstrip(os.sep))] = \
                scalar_files(where)
        path = plot_training(runs, args.out,
                             references=read_references(args.reference))
    elif args.what == 'identity':
        from mmdeepmot.datasets.mot_challenge_io import read_gt, read_mot_txt
        counts = clip_cooccurrence(read_gt(args.gt),
                                   read_mot_txt(args.result, 'result'),
                                   tuple(args.frames))
        path = plot_cooccurrence(
            counts, args.out, f'{osp.basename(args.result)}, frames '
            f'{args.frames[0]}-{args.frames[1]}')
    else:
        path = dhn_figure(args.out, args.seq, args.frame)
    print(f'wrote {path}')


if __name__ == '__main__':
    main()
