# isort: skip_file
"""Baselines on public detections: the IoU tracker or a Kalman-filter
tracker (MMTracking's ByteTracker and Kalman filter), optionally tuned on
other frames first, scored like any tracker.

    .venv/bin/python tools/baseline_track.py data/PETS09/train \\
        --tracker kalman --subset half-val --out work_dirs/kalman_pets09 \\
        --tune-on half-train --grid score_scale=50,100 \\
        init_track_thr=0.3,0.5,0.7 [--options KEY=VALUE ...] [--json OUT]

No images are read. With --tune-on, every setting of --grid (over
--options) is tracked on those frames, the best by --metric is kept and
only then is --subset tracked and scored. OUT must be empty or hold only
result files of these sequences.
"""
import argparse
import os.path as osp
from typing import List, Optional

from _env_guard import require_mmdeepmot

require_mmdeepmot()

from mmdeepmot.apis.tracker_search import parse_grid  # noqa: E402
from mmdeepmot.baselines import public_tracking  # noqa: E402
from mmdeepmot.datasets import mot_challenge_io as mot_io  # noqa: E402
from mmdeepmot.evaluation import trackeval_mot  # noqa: E402
from mmdeepmot.utils import write_result_json  # noqa: E402


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('split_dir', help='e.g. data/PETS09/train')
    parser.add_argument('--out', required=True, help='result folder')
    parser.add_argument('--tracker', default='kalman',
                        choices=sorted(public_tracking.TRACKERS))
    parser.add_argument('--subset', default='train', choices=mot_io.SUBSETS)
    parser.add_argument('--options', nargs='+', default=[],
                        help='KEY=VALUE tracker options')
    parser.add_argument('--tune-on', choices=mot_io.SUBSETS,
                        help='choose --grid settings on these frames')
    parser.add_argument('--grid', nargs='+', default=[],
                        help='KEY=V1,V2,... (with --tune-on)')
    parser.add_argument('--metric', default='MOTA')
    parser.add_argument('--json', help='write the figures here')
    args = parser.parse_args(argv)
    if bool(args.grid) != bool(args.tune_on):
        parser.error('--grid and --tune-on go together')
    if args.tune_on and args.tune_on == args.subset:
        parser.error('--tune-on must differ from --subset (the test frames)')
    options = {k: v[0] for k, v in parse_grid(args.options).items()}
    tuning = []
    if args.tune_on:
        tuning = public_tracking.tune(
            args.split_dir, osp.join(args.out + '_tune', args.tune_on),
            args.tracker, args.tune_on, parse_grid(args.grid), options,
            args.metric)
        print(f'tuned on {args.tune_on} ({len(tuning)} settings), best '
              f'{args.metric} {100 * tuning[0]["metrics"][args.metric]:.1f}'
              f': {tuning[0]["options"]}')
        options = tuning[0]['options']
    try:
        seqs = public_tracking.track_split(args.split_dir, args.out,
                                           args.tracker, args.subset, options)
    except FileExistsError as err:
        raise SystemExit(f'error: {err}')
    per_seq, overall, per_detector = public_tracking.score_split(
        args.split_dir, args.out, seqs, args.subset)
    print(trackeval_mot.format_table(per_seq, overall))
    if per_detector:
        print('\nper detector')
        print(trackeval_mot.format_table(per_detector, overall))
    if args.json:
        write_result_json(args.json, dict(
            tracker=args.tracker, subset=args.subset, options=options,
            tuned_on=args.tune_on, tuning=tuning, overall=overall,
            per_detector=per_detector, sequences=per_seq))


if __name__ == '__main__':
    main()
