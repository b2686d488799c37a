"""Split trackers' misses on one sequence by whether a public detection
covers the missed person (mmdeepmot.evaluation.miss_breakdown), as a
result file with its command and commit.

    .venv/bin/python benchmarks/miss_breakdown.py OUT.json \
        --gt data/PETS09/train/PETS09-S2L1/gt/gt_half-val.txt \
        --det data/PETS09/train/PETS09-S2L1/det/det.txt \
        NAME=RESULT.txt [NAME=RESULT.txt ...] [--keep]

``--keep`` adds the rows to those OUT has (a name given again is
replaced), on the same ground truth and detections; the earlier commands
stay in ``earlier_provenance``. Result files do not last, so rows of
trackers tested in earlier sessions can be kept this way.
"""
import argparse
import json
import os.path as osp

from mmdeepmot.evaluation import miss_breakdown
from mmdeepmot.utils import split_assignment, write_result_json


def kept_rows(out: str, setting: dict) -> tuple:
    """The rows and provenance ``out`` holds, refused when it was made on
    another ground truth, detection file or IoU threshold."""
    if not osp.isfile(out):
        return {}, []
    with open(out) as f:
        record = json.load(f)
    for key, value in setting.items():
        if record.get(key) != value:
            raise SystemExit(f'error: --keep: {out} has {key}='
                             f'{record.get(key)!r}, not {value!r}')
    earlier = record.get('earlier_provenance', [])
    return record['trackers'], earlier + [record['provenance']]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out')
    parser.add_argument('results', nargs='+', help='NAME=RESULT.txt')
    parser.add_argument('--gt', required=True, help='ground-truth file')
    parser.add_argument('--det', required=True, help='public detections')
    parser.add_argument('--iou-thr', type=float, default=0.5)
    parser.add_argument('--keep', action='store_true',
                        help="add to OUT's rows instead of replacing them")
    args = parser.parse_args()
    setting = dict(gt=args.gt, det=args.det, iou_thr=args.iou_thr)
    rows, earlier = kept_rows(args.out, setting) if args.keep else ({}, [])
    for item in args.results:
        name, path = split_assignment(item, 'NAME=RESULT.txt', 'a result')
        rows[name] = miss_breakdown(args.gt, args.det, path, args.iou_thr)
        print(name, rows[name])
    figures = dict(setting, trackers=rows)
    if earlier:
        figures['earlier_provenance'] = earlier
    write_result_json(args.out, figures)


if __name__ == '__main__':
    main()
