"""Grid search over a tracker's test-time options (births, deaths, NMS),
on a split other than the test split, with one model load.

    .venv/bin/python tools/tune_tracker.py CONFIG --checkpoint CKPT \\
        --split half-val [--videos FRCNN] \\
        --grid tracker.death_score_thr=0.3,0.6 \\
               tracker.support_iou_thr=None,0.3 \\
        [--metric MOTA] [--work-dir DIR] [--cfg-options key=value ...]

Grid keys are paths on the built model (attributes or dict keys, e.g.
``tracker.max_lost`` for DeepMOTSiamRPN, ``tracker.obj_score_thr``
for Tracktor). The table, best first, is printed and written to
WORK_DIR/tune_<split>.md and .json; the best setting is printed as
``--cfg-options`` for tools/test.py.
"""
import argparse
import json
import os.path as osp

from _env_guard import require_mmdeepmot

require_mmdeepmot()

from mmengine.config import DictAction  # noqa: E402
from mmengine.utils import mkdir_or_exist  # noqa: E402

from mmdeepmot.apis import tracker_search  # noqa: E402
from mmdeepmot.apis import build_runner, load_config  # noqa: E402
from mmdeepmot.evaluation.trackeval_mot import SUMMARY  # noqa: E402
from mmdeepmot.utils import provenance  # noqa: E402


def parse_args() -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('config')
    parser.add_argument('--checkpoint', required=True)
    parser.add_argument('--split', default='half-val',
                        help='annotations/<split>_cocoformat.json (and '
                        '_detections.pkl) of the data root')
    parser.add_argument('--videos', help='only videos whose name contains '
                        'this (e.g. FRCNN: one variant per MOT17 video)')
    parser.add_argument('--grid', nargs='+', required=True,
                        help='KEY=V1,V2,... on the built model')
    parser.add_argument('--metric', default='MOTA')
    parser.add_argument('--work-dir')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction)
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    grid = tracker_search.parse_grid(args.grid)
    cfg = load_config(args.config, args.cfg_options)
    tracker_search.use_split(cfg, args.split)
    name = osp.splitext(osp.basename(args.config))[0]
    work_dir = args.work_dir or osp.join('work_dirs', 'tune', name)
    if args.videos:
        mkdir_or_exist(work_dir)
        kept = tracker_search.keep_videos(cfg, args.videos, work_dir)
        print(f'tuning on {len(kept)} videos: {", ".join(kept)}')
    runner = build_runner(cfg, work_dir=work_dir,
                          checkpoint=args.checkpoint,
                          results_dir=osp.join(work_dir, 'results'))
    rows = tracker_search.search(runner, grid)
    text = tracker_search.ranked_table(rows, args.metric, SUMMARY)
    mkdir_or_exist(work_dir)
    out = osp.join(work_dir, f'tune_{args.split}')
    with open(out + '.md', 'w') as f:
        f.write(text + '\n')
    record = dict(split=args.split, videos=args.videos, metric=args.metric,
                  rows=rows, **provenance())
    with open(out + '.json', 'w') as f:
        json.dump(record, f, indent=2)
    best = max(rows, key=lambda r: r['metrics'].get(args.metric, -1e9))
    print(text)
    print(f'\nbest {args.metric} on {args.split}: --cfg-options ' + ' '.join(
        f'model.{k}={v}' for k, v in best['options'].items()))
    print(f'written to {out}.md and {out}.json')


if __name__ == '__main__':
    main()
