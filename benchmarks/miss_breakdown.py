"""Split trackers' misses on one sequence by whether a public detection
covers the missed person (mmdeepmot.evaluation.miss_breakdown), as a
result file with its command and commit.

    .venv/bin/python benchmarks/miss_breakdown.py OUT.json \
        --gt data/PETS09/train/PETS09-S2L1/gt/gt_half-val.txt \
        --det data/PETS09/train/PETS09-S2L1/det/det.txt \
        NAME=RESULT.txt [NAME=RESULT.txt ...]
"""
import argparse

from mmdeepmot.evaluation import miss_breakdown
from mmdeepmot.utils import split_assignment, write_result_json


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out')
    parser.add_argument('results', nargs='+', help='NAME=RESULT.txt')
    parser.add_argument('--gt', required=True, help='ground-truth file')
    parser.add_argument('--det', required=True, help='public detections')
    parser.add_argument('--iou-thr', type=float, default=0.5)
    args = parser.parse_args()
    rows = {}
    for item in args.results:
        name, path = split_assignment(item, 'NAME=RESULT.txt', 'a result')
        rows[name] = miss_breakdown(args.gt, args.det, path, args.iou_thr)
        print(name, rows[name])
    write_result_json(args.out, dict(gt=args.gt, det=args.det,
                                     iou_thr=args.iou_thr, trackers=rows))


if __name__ == '__main__':
    main()
