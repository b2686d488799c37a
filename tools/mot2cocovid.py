"""Convert a MOTChallenge tree (real MOT17 or the generated set) to the
CocoVID annotations MMTracking's MOTChallengeDataset reads.

    .venv/bin/python tools/mot2cocovid.py data/MOT17 [--out-dir DIR]

Writes ROOT/annotations/{train,half-train,half-val,half-train-fit,
half-train-select,test}_cocoformat.json, the public detections beside them
and gt/gt_<half split>.txt.
"""
import argparse
import sys
import time

from _env_guard import require_mmdeepmot

require_mmdeepmot()

from mmdeepmot.data_prep.cocovid import mot_to_cocovid  # noqa: E402
from mmdeepmot.datasets.mot_challenge_io import MOTFormatError  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('root', help='folder with train/ (and test/)')
    parser.add_argument('--out-dir', help='default: ROOT/annotations')
    parser.add_argument('--no-half', action='store_true',
                        help='skip the half-train / half-val splits')
    parser.add_argument('--no-det', action='store_true',
                        help='do not read det/det.txt')
    args = parser.parse_args()
    start = time.time()
    try:
        files = mot_to_cocovid(args.root, args.out_dir,
                               split_train=not args.no_half,
                               with_det=not args.no_det)
    except (MOTFormatError, FileNotFoundError) as err:
        sys.exit(f'error: {err}')
    for path in files:
        print(f'wrote {path}')
    print(f'converted in {time.time() - start:.1f} s')


if __name__ == '__main__':
    main()
