# isort: skip_file
"""Baseline: an IoU tracker on the public detections of a split, written as
MOTChallenge result files and evaluated like any tracker.

    .venv/bin/python tools/iou_baseline.py data/toy-mot17/test \
        --out work_dirs/iou_baseline [--json OUT.json]
    .venv/bin/python tools/iou_baseline.py ../shared/data/MOT17-labels/train \
        --subset half-val --out work_dirs/iou_baseline_mot17

It needs no images, so it runs on real MOT17 labels and detections as they
are: tools/baseline_track.py --tracker iou with these options (which can
also tune them on other frames). With --subset half-train / half-val only
those frames (MMTracking's cut) are tracked and scored. Sequences named
like MOT17's variants (NAME-DPM, NAME-FRCNN, NAME-SDP) are also scored per
detector. OUT must be
empty or hold only result files of these sequences (they are replaced).
"""
import argparse

import baseline_track  # beside this file; it checks the stack

from mmdeepmot.datasets import mot_challenge_io as mot_io  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('split_dir', help='e.g. data/toy-mot17/test')
    parser.add_argument('--out', required=True, help='result folder')
    parser.add_argument('--subset', default='train', choices=mot_io.SUBSETS,
                        help='frames to track: all (train/test) or a half')
    parser.add_argument('--min-score', type=float, default=0.5)
    parser.add_argument('--min-iou', type=float, default=0.3)
    parser.add_argument('--json', help='write the figures here')
    args = parser.parse_args()
    baseline_track.main([
        args.split_dir, '--tracker', 'iou', '--out', args.out, '--subset',
        args.subset, '--options', f'min_score={args.min_score}',
        f'min_iou={args.min_iou}'] + (['--json', args.json]
                                      if args.json else []))


if __name__ == '__main__':
    main()
