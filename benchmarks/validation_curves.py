"""Record runs' validation curves (iteration, MOTA or another metric on
the validation data) as a result file with its command and commit, e.g.
the choice of a start for stage 0 on half-train-select.

    .venv/bin/python benchmarks/validation_curves.py OUT.json \
        NAME=WORK_DIR [NAME=WORK_DIR ...] [--metric IDF1]
"""
import argparse

from mmdeepmot.utils import split_assignment, write_result_json
from mmdeepmot.visualization import read_validation, scalar_files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out')
    parser.add_argument('runs', nargs='+', help='NAME=WORK_DIR')
    parser.add_argument('--metric', default='MOTA',
                        help='validation metric (MOTA, IDF1, HOTA, ...)')
    args = parser.parse_args()
    key = f'motchallenge-metric/{args.metric}'
    curves = {}
    for item in args.runs:
        name, work_dir = split_assignment(item, 'NAME=WORK_DIR', 'a run')
        curves[name] = [[int(i), float(v)] for i, v in
                        read_validation(scalar_files(work_dir), key)]
        if not curves[name]:
            raise SystemExit(f'error: {work_dir} logged no validation '
                             f'{key}')
    best = {n: max(v for _, v in c) for n, c in curves.items()}
    last = {n: c[-1][1] for n, c in curves.items()}
    write_result_json(args.out, dict(metric=f'validation {args.metric}',
                                     best=best, last=last, curves=curves))


if __name__ == '__main__':
    main()
