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

from mmdeepmot.evaluation import miss_breakdown
from mmdeepmot.utils import write_tracker_rows


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
    write_tracker_rows(args.out, setting, args.results,
                       lambda r: miss_breakdown(args.gt, args.det, r,
                                                args.iou_thr),
                       keep=args.keep)


if __name__ == '__main__':
    main()
