"""The PETS09-S2L1 half-val table, written from the result files under
benchmarks/results/pets09 (each made by tools/test.py --json or
tools/baseline_track.py --json, with its command and commit).

    .venv/bin/python benchmarks/pets09_table.py [--results DIR] \
        [--write README.md docs/real_pixels.md] [--check FILE ...]

Prints the markdown table (a row per file present, in ROWS' order; rows
whose file is missing are named below it); --write puts it between the
``<!-- pets09 table -->`` markers of the files, --check fails when a file
does not hold it there.
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


BEGIN = '<!-- pets09 table -->'
END = '<!-- end pets09 table -->'


def with_table(text: str, table_text: str, path: str) -> str:
    """``text`` with the part between its BEGIN and END markers replaced
    by ``table_text``."""
    if BEGIN not in text or END not in text:
        raise SystemExit(f'error: {path} has no {BEGIN} ... {END} markers')
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f'{head}{BEGIN}\n{table_text}{END}{tail}'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--results',
                        default=osp.join(HERE, 'results', 'pets09'))
    parser.add_argument('--write', nargs='+', default=[],
                        help='put the table between the markers of these '
                        'files (README.md, docs/real_pixels.md)')
    parser.add_argument('--check', nargs='+', default=[],
                        help='fail unless these files hold the table')
    args = parser.parse_args()
    text = table(args.results)
    for path in args.write + args.check:
        with open(path) as f:
            old = f.read()
        new = with_table(old, text, path)
        if path in args.check and new != old:
            sys.exit(f'error: {path} does not hold the table written from '
                     f'{args.results}; run benchmarks/pets09_table.py '
                     f'--write {path}')
        if path in args.write and new != old:
            with open(path, 'w') as f:
                f.write(new)
            print(f'wrote the table into {path}')
    if not args.write and not args.check:
        print(text, end='')


if __name__ == '__main__':
    main()
