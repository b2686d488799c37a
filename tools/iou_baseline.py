# isort: skip_file
"""Baseline: an IoU tracker on the public detections of a split, written as
MOTChallenge result files and evaluated like any tracker.

    .venv/bin/python tools/iou_baseline.py data/toy-mot17/test \
        --out work_dirs/iou_baseline [--json OUT.json]
"""
import argparse
import json
import os
import os.path as osp

from _env_guard import require_mmdeepmot

require_mmdeepmot()

from mmdeepmot.datasets.cocovid import list_sequences  # noqa: E402
from mmdeepmot.datasets.mot_challenge_io import (  # noqa: E402 isort:skip
    read_mot_txt, read_seqinfo, write_mot_txt)
from mmdeepmot.evaluation.trackeval_mot import (  # noqa: E402
    evaluate_mot_results, format_table)
from mmdeepmot.models.mot.iou_tracker import iou_track  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('split_dir', help='e.g. data/toy-mot17/test')
    parser.add_argument('--out', required=True, help='result folder')
    parser.add_argument('--min-score', type=float, default=0.5)
    parser.add_argument('--min-iou', type=float, default=0.3)
    parser.add_argument('--json', help='write the overall figures here')
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    seqs = list_sequences(args.split_dir)
    for seq in seqs:
        seq_dir = osp.join(args.split_dir, seq)
        info = read_seqinfo(seq_dir)
        det = read_mot_txt(osp.join(seq_dir, 'det', 'det.txt'), 'det')
        rows = iou_track(det, int(info['seqLength']), args.min_score,
                         args.min_iou)
        write_mot_txt(osp.join(args.out, f'{seq}.txt'), rows, 'result')
    per_seq, overall = evaluate_mot_results(args.split_dir, args.out, seqs)
    print(format_table(per_seq, overall))
    if args.json:
        with open(args.json, 'w') as f:
            json.dump(dict(overall=overall, sequences=per_seq), f, indent=2)


if __name__ == '__main__':
    main()
