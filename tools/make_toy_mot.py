"""Write the generated pedestrian data set in MOT17's layout.

    .venv/bin/python tools/make_toy_mot.py data/toy-mot17 [--seed 0]

and converts it to CocoVID (OUT_DIR/annotations, as tools/mot2cocovid.py)
unless --no-cocovid.
"""
import argparse
import sys
import time

from _env_guard import require_mmdeepmot

require_mmdeepmot()

from mmdeepmot.data_prep.cocovid import mot_to_cocovid  # noqa: E402
from mmdeepmot.toy.toy_mot import ToyMOTConfig, make_toy_mot  # noqa


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out_dir')
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--width', type=int, default=640)
    parser.add_argument('--height', type=int, default=360)
    parser.add_argument('--frames', type=int, nargs=2, default=(100, 160),
                        metavar=('MIN', 'MAX'), help='frames per sequence')
    parser.add_argument('--people', type=int, nargs=2, default=(5, 25),
                        metavar=('MIN', 'MAX'), help='people in view')
    parser.add_argument('--train-seqs', type=int, default=3)
    parser.add_argument('--test-seqs', type=int, default=2)
    parser.add_argument('--no-cocovid', action='store_true',
                        help='skip writing OUT_DIR/annotations')
    parser.add_argument('--overwrite', action='store_true',
                        help='replace an earlier make_toy_mot output in '
                        'OUT_DIR (a non-empty OUT_DIR is refused otherwise)')
    args = parser.parse_args()
    cfg = ToyMOTConfig(width=args.width, height=args.height,
                       num_frames=tuple(args.frames),
                       num_people=tuple(args.people),
                       train_seqs=args.train_seqs, test_seqs=args.test_seqs)
    start = time.time()
    try:
        names = make_toy_mot(args.out_dir, args.seed, cfg, args.overwrite)
    except FileExistsError as err:
        sys.exit(f'error: {err}')
    for split, seqs in names.items():
        print(f'{split}: {len(seqs)} sequences: {", ".join(seqs)}')
    if not args.no_cocovid:
        for path in mot_to_cocovid(args.out_dir):
            print(f'wrote {path}')
    print(f'wrote {args.out_dir} in {time.time() - start:.1f} s')


if __name__ == '__main__':
    main()
