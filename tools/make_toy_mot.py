"""Write the generated pedestrian data set in MOT17's layout.

    .venv/bin/python tools/make_toy_mot.py data/toy-mot17 [--seed 0] \
        [--overwrite | --reuse]

and converts it to CocoVID (OUT_DIR/annotations, as tools/mot2cocovid.py)
unless --no-cocovid. --reuse keeps an OUT_DIR that already holds the same
data set (its marker records this seed and these settings, and it was
finished) and writes it anew otherwise.
"""
import argparse
import json
import os.path as osp
import sys
import time
from dataclasses import asdict

from _env_guard import require_mmdeepmot

require_mmdeepmot()

from mmdeepmot.data_prep.cocovid import mot_to_cocovid  # noqa: E402
from mmdeepmot.toy.toy_mot import (MARKER, ToyMOTConfig,  # noqa: E402
                                   make_toy_mot)


def same_data_set(out_dir: str, seed: int, cfg: ToyMOTConfig,
                  cocovid: bool) -> bool:
    """Whether ``out_dir`` holds the finished data set of ``seed`` and
    ``cfg`` (and its CocoVID files, when ``cocovid``)."""
    try:
        with open(osp.join(out_dir, MARKER)) as f:
            record = json.load(f)
    except (OSError, ValueError):
        return False
    # the marker's JSON has lists where the config has tuples
    want = json.loads(json.dumps(asdict(cfg)))
    if record.get('seed') != seed or record.get('config') != want or \
            not record.get('complete'):
        return False
    return not cocovid or osp.isfile(osp.join(
        out_dir, 'annotations', 'half-train-select_cocoformat.json'))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out_dir')
    default = ToyMOTConfig()
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--width', type=int, default=default.width)
    parser.add_argument('--height', type=int, default=default.height)
    parser.add_argument('--frames', type=int, nargs=2,
                        default=default.num_frames, metavar=('MIN', 'MAX'),
                        help='frames per sequence')
    parser.add_argument('--people', type=int, nargs=2,
                        default=default.num_people, metavar=('MIN', 'MAX'),
                        help='people in view')
    parser.add_argument('--train-seqs', type=int, default=default.train_seqs)
    parser.add_argument('--test-seqs', type=int, default=default.test_seqs)
    parser.add_argument('--no-cocovid', action='store_true',
                        help='skip writing OUT_DIR/annotations')
    parser.add_argument('--overwrite', action='store_true',
                        help='replace an earlier make_toy_mot output in '
                        'OUT_DIR (a non-empty OUT_DIR is refused otherwise)')
    parser.add_argument('--reuse', action='store_true',
                        help='keep OUT_DIR when it holds this very data set, '
                        'else replace it as --overwrite')
    args = parser.parse_args()
    cfg = ToyMOTConfig(width=args.width, height=args.height,
                       num_frames=tuple(args.frames),
                       num_people=tuple(args.people),
                       train_seqs=args.train_seqs, test_seqs=args.test_seqs)
    if args.reuse and same_data_set(args.out_dir, args.seed, cfg,
                                    not args.no_cocovid):
        print(f'{args.out_dir} already holds this data set (seed '
              f'{args.seed}, {cfg.train_seqs} training sequences): kept')
        return
    start = time.time()
    try:
        names = make_toy_mot(args.out_dir, args.seed, cfg,
                             args.overwrite or args.reuse)
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
