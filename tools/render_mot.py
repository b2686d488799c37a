"""Draw frames for a MOTChallenge tree that has labels but no images.

    .venv/bin/python tools/render_mot.py ../shared/data/MOT17-labels \
        data/MOT17-drawn [--scale 0.333] [--seed 0] [--seqs SEQ ...]

Writes OUT/SPLIT/SEQ/{img1/, gt/gt.txt, det/det.txt, seqinfo.ini} (labels
scaled with the frames; variants of one video share their frames through
an img1 link), then the CocoVID annotations as tools/mot2cocovid.py does
(OUT/annotations: train, half-train, half-val, public detections) unless
--no-cocovid. A non-empty OUT is refused unless --overwrite (which only
replaces an earlier render).
"""
import argparse
import json
import os
import time

from _env_guard import require_mmdeepmot

require_mmdeepmot()

from mmdeepmot.data_prep.render_mot import (MARKER, RenderConfig,  # noqa: E402
                                            render_mot)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('labels', help='tree with SPLIT/SEQ/gt, det, '
                        'seqinfo.ini (e.g. ../shared/data/MOT17-labels)')
    parser.add_argument('out', help='output tree (e.g. data/MOT17-drawn)')
    parser.add_argument('--scale', type=float, default=1 / 3,
                        help='frame size relative to the labels (1/3)')
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--seqs', nargs='+', help='only these sequences')
    parser.add_argument('--looks', type=int, default=24,
                        help='looks per video (identities share them)')
    parser.add_argument('--noise', type=float, default=6.0,
                        help='image noise std, grey levels')
    parser.add_argument('--nproc', type=int, default=os.cpu_count() or 1,
                        help='drawing processes (default: all cores)')
    parser.add_argument('--no-cocovid', action='store_true',
                        help='skip writing OUT/annotations')
    parser.add_argument('--overwrite', action='store_true',
                        help='replace an earlier render in OUT')
    args = parser.parse_args()
    cfg = RenderConfig(scale=args.scale, seed=args.seed, looks=args.looks,
                       noise_std=args.noise)
    start = time.time()
    seqs = render_mot(args.labels, args.out, cfg, args.seqs, args.nproc,
                      args.overwrite, cocovid=not args.no_cocovid)
    owners = sum(s.frames_owner == s.name for s in seqs)
    with open(os.path.join(args.out, MARKER)) as f:
        record = json.load(f)
    print(f'drew {owners} videos ({record["frames_drawn"]} frames) for '
          f'{len(seqs)} sequences into {args.out} in '
          f'{record["draw_seconds"]:.1f} s')
    if not args.no_cocovid:
        print(f'wrote {args.out}/annotations (CocoVID)')
    print(f'done in {time.time() - start:.1f} s')


if __name__ == '__main__':
    main()
