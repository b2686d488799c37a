"""Evaluate a folder of MOTChallenge result files (SEQ.txt) against ground
truth, without running a model: HOTA, MOTA, MOTP, IDF1, FP, FN, IDSw, MT, ML
per sequence and overall (TrackEval, as MMTracking's MOTChallengeMetrics).

    .venv/bin/python tools/eval_mot.py --gt-root data/toy-mot17/test \
        --results work_dirs/x/results [--json OUT.json]
"""
import argparse
import json
import os
import sys

from _env_guard import require_mmdeepmot

require_mmdeepmot()

from mmdeepmot.datasets import mot_challenge_io as mot_io  # noqa: E402
from mmdeepmot.evaluation.trackeval_mot import (  # noqa: E402
    evaluate_mot_results, format_table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--gt-root', required=True,
                        help='split folder with SEQ/gt/gt.txt, seqinfo.ini')
    parser.add_argument('--results', required=True,
                        help='folder with one SEQ.txt per sequence')
    parser.add_argument('--seqs', nargs='+', help='only these sequences')
    parser.add_argument('--subset', default='train',
                        choices=mot_io.SUBSETS,
                        help='score only these frames of each sequence')
    parser.add_argument('--benchmark', default='MOT17',
                        help='MOT17 (with its preprocessing) or MOT15')
    parser.add_argument('--json', help='write the overall figures here')
    args = parser.parse_args()
    try:
        seqs = args.seqs or mot_io.list_sequences(args.gt_root)
        # result files of other sequences (an earlier run's) are not
        # scored: refuse them unless --seqs says which ones count
        stray = sorted(n[:-4] for n in os.listdir(args.results)
                       if n.endswith('.txt') and n[:-4] not in seqs)
        if stray and not args.seqs:
            sys.exit(f'error: {args.results} holds result files of '
                     f'sequences that are not in {args.gt_root}: {stray}; '
                     'remove them (an earlier run\'s?) or name the '
                     'sequences to score with --seqs')
        if stray:
            print(f'not scored (not in --seqs): {", ".join(stray)}')
        per_seq, combined = evaluate_mot_results(
            args.gt_root, args.results, seqs, args.benchmark,
            preprocess=args.benchmark != 'MOT15', subset=args.subset)
    except (mot_io.MOTFormatError, FileNotFoundError) as err:
        sys.exit(f'error: {err}')
    print(format_table(per_seq, combined))
    if args.json:
        with open(args.json, 'w') as f:
            json.dump(dict(overall=combined, sequences=per_seq), f, indent=2)
        print(f'wrote {args.json}')


if __name__ == '__main__':
    main()
