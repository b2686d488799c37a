"""The PETS09-S2L1 half-val table, written from the result files under
benchmarks/results/pets09 (each made by tools/test.py --json or
tools/baseline_track.py --json, with its command and commit).

    .venv/bin/python benchmarks/pets09_table.py [--results DIR] [--check FILE]

Prints the markdown table (a row per file present, in ROWS' order; rows
whose file is missing are named below it). --check FILE fails when FILE
(e.g. docs/results_pets09.md) does not hold that table.
"""
import argparse
import json
import os.path as osp
import sys
from typing import List, Tuple

HERE = osp.dirname(osp.abspath(__file__))
COLUMNS = ('MOTA', 'IDF1', 'HOTA', 'MOTP', 'FP', 'FN', 'IDSw')
COUNTS = ('FP', 'FN', 'IDSw')
# (label, file under the results folder)
ROWS: List[Tuple[str, str]] = [
    ('IoU tracker, tuned on half-train (ACF detections, no images)',
     'iou_halfval.json'),
    ('Kalman tracker (MMTracking ByteTracker), tuned on half-train',
     'kalman_halfval.json'),
    ('Tracktor, stage 0 (`tracktor_detector_pets09.pth`)',
     'tracktor_stage0_halfval.json'),
    ('Tracktor, vanilla twin, seed 0', 'tracktor_vanilla_seed0_halfval.json'),
    ('Tracktor, DeepMOT twin, seed 0', 'tracktor_deepmot_seed0_halfval.json'),
    ('SiamRPN, stage 0 (`siamrpn_sot_pets09.pth`)',
     'siamrpn_stage0_halfval.json'),
    ('SiamRPN, vanilla twin, seed 0', 'siamrpn_vanilla_seed0_halfval.json'),
    ('SiamRPN, DeepMOT twin, seed 0', 'siamrpn_deepmot_seed0_halfval.json'),
    ('Tracktor, drawn-MOT17 stage 0 (never saw a real frame)',
     'tracktor_drawn_stage0_halfval.json'),
    ('SiamRPN, drawn-MOT17 stage 0 (never saw a real frame)',
     'siamrpn_drawn_stage0_halfval.json'),
]


def cell(name: str, value: float) -> str:
    return f'{value:.0f}' if name in COUNTS else f'{100 * value:.1f}'


def table(results: str) -> str:
    """The markdown table of the files present, then the missing ones."""
    lines = ['| PETS09-S2L1 half-val (frames 399-795) | ' +
             ' | '.join(COLUMNS) + ' | file |',
             '|---' * (len(COLUMNS) + 2) + '|']
    missing = []
    for label, name in ROWS:
        path = osp.join(results, name)
        if not osp.isfile(path):
            missing.append(name)
            continue
        with open(path) as f:
            overall = json.load(f)['overall']
        lines.append(f'| {label} | ' + ' | '.join(
            cell(c, overall[c]) for c in COLUMNS) + f' | `{name}` |')
    if missing:
        lines.append('')
        lines.append('Not run yet: ' + ', '.join(f'`{m}`' for m in missing))
    return '\n'.join(lines) + '\n'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--results',
                        default=osp.join(HERE, 'results', 'pets09'))
    parser.add_argument('--check', help='a file that must hold the table')
    args = parser.parse_args()
    text = table(args.results)
    if args.check:
        with open(args.check) as f:
            if text not in f.read():
                sys.exit(f'error: {args.check} does not hold the table '
                         f'written from {args.results}; run this script '
                         'and paste its output')
        print(f'{args.check} holds the table')
        return
    print(text, end='')


if __name__ == '__main__':
    main()
