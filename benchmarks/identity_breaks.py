"""Count trackers' identity switches on one sequence by what the new id
was doing the frame before (mmdeepmot.evaluation.identity_breaks), with
their fragmentations, as a result file with its command and commit.

    .venv/bin/python benchmarks/identity_breaks.py OUT.json \
        --gt data/PETS09/train/PETS09-S2L1/gt/gt_half-val.txt \
        NAME=RESULT.txt [NAME=RESULT.txt ...] [--keep]

``--keep`` adds the rows to those OUT has (a name given again is
replaced), on the same ground truth; the earlier commands stay in
``earlier_provenance``. Result files do not outlive a session, so rows of
runs tested in earlier sessions are kept this way.
"""
import argparse

from mmdeepmot.evaluation import identity_breaks
from mmdeepmot.utils import write_tracker_rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out')
    parser.add_argument('results', nargs='+', help='NAME=RESULT.txt')
    parser.add_argument('--gt', required=True, help='ground-truth file')
    parser.add_argument('--iou-thr', type=float, default=0.5)
    parser.add_argument('--keep', action='store_true',
                        help="add to OUT's rows instead of replacing them")
    args = parser.parse_args()
    setting = dict(gt=args.gt, iou_thr=args.iou_thr)
    write_tracker_rows(args.out, setting, args.results,
                       lambda r: identity_breaks(args.gt, r, args.iou_thr),
                       keep=args.keep)


if __name__ == '__main__':
    main()
