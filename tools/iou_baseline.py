# isort: skip_file
"""Baseline: an IoU tracker on the public detections of a split, written as
MOTChallenge result files and evaluated like any tracker.

    .venv/bin/python tools/iou_baseline.py data/toy-mot17/test \
        --out work_dirs/iou_baseline [--json OUT.json]
    .venv/bin/python tools/iou_baseline.py ../shared/data/MOT17-labels/train \
        --subset half-val --out work_dirs/iou_baseline_mot17

It needs no images, so it runs on real MOT17 labels and detections as they
are. With --subset half-train / half-val only those frames (MMTracking's
cut) are tracked and scored. Sequences named like MOT17's variants
(NAME-DPM, NAME-FRCNN, NAME-SDP) are also scored per detector. OUT must be
empty or hold only result files of these sequences (they are replaced).
"""
import argparse
import json
import os
import os.path as osp
from collections import defaultdict

from _env_guard import require_mmdeepmot

require_mmdeepmot()

from mmdeepmot.baselines import iou_track  # noqa: E402
from mmdeepmot.datasets import mot_challenge_io as mot_io  # noqa: E402
from mmdeepmot.evaluation import trackeval_mot  # noqa: E402
from mmdeepmot.utils import provenance  # noqa: E402


def _check_out(out: str, seqs: list) -> None:
    """Refuse a result folder holding anything but these results."""
    os.makedirs(out, exist_ok=True)
    stale = sorted(set(os.listdir(out)) - {f'{s}.txt' for s in seqs})
    if stale:
        raise SystemExit(f'error: {out} holds files that are not results of '
                         f'these sequences ({stale[:3]}...); choose an '
                         'empty folder')


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
    seqs = mot_io.list_sequences(args.split_dir)
    _check_out(args.out, seqs)
    for seq in seqs:
        seq_dir = osp.join(args.split_dir, seq)
        length = int(mot_io.read_seqinfo(seq_dir)['seqLength'])
        det = mot_io.read_mot_txt(osp.join(seq_dir, 'det', 'det.txt'), 'det')
        frames = mot_io.subset_frames(args.subset, length)
        det = det[(det[:, 0] >= frames.start) & (det[:, 0] < frames.stop)]
        rows = iou_track(det, length, args.min_score, args.min_iou)
        mot_io.write_mot_txt(osp.join(args.out, f'{seq}.txt'), rows, 'result')
    per_seq, overall = trackeval_mot.evaluate_mot_results(
        args.split_dir, args.out, seqs, subset=args.subset)
    print(trackeval_mot.format_table(per_seq, overall))
    groups = defaultdict(list)
    for seq in seqs:
        groups[seq.rsplit('-', 1)[-1]].append(seq)
    per_detector = {}
    if len(groups) > 1 and all(len(g) > 1 for g in groups.values()):
        for name, members in sorted(groups.items()):
            per_detector[name] = trackeval_mot.evaluate_mot_results(
                args.split_dir, args.out, members, subset=args.subset)[1]
        print('\nper detector')
        print(trackeval_mot.format_table(per_detector, overall))
    if args.json:
        record = dict(overall=overall, per_detector=per_detector,
                      sequences=per_seq, subset=args.subset,
                      min_score=args.min_score, min_iou=args.min_iou,
                      **provenance())  # before the file is opened: clean
        with open(args.json, 'w') as f:
            json.dump(record, f, indent=2)
        print(f'wrote {args.json}')


if __name__ == '__main__':
    main()
