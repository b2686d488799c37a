"""Choose a training schedule for a pair of twins on the validation data:
train both twins under each setting of a grid (one seed) and read the
validation metric their training logged, never the test data.

    .venv/bin/python projects/twin_study/tools/schedule_grid.py \\
        siamrpn-mot17drawn \\
        --grid optim_wrapper.optimizer.lr=3e-5,1e-4,3e-4 \\
        [--grid KEY=V1,V2,V3 ...] \\
        [--seed 0] [--work-dir work_dirs/schedule] [--threads 1] \\
        [--cfg-options key=value ...]

Pairs as in compare_twins.py. Each setting is one config value (a
``--cfg-options`` key); both twins get it, so they still share everything
but the loss. Several ``--grid`` keys (as many values each) are zipped,
the i-th setting giving every key its i-th value: a length is
``--grid train_cfg.max_iters=600,1200 --grid
param_scheduler.0.end=600,1200``, so that the learning-rate schedule
stretches with it. Each run lives in WORK_DIR/<twin config>_<value>_seed<S>
(the values joined by ``_``) and
validates as its config says (``train_cfg.val_interval``); a finished run
is reused and a killed one resumes. The setting kept is the one with the
highest mean, over the two twins, of their best validation value (the
checkpoint the comparison would test); ties go to the first in the grid.
The table (best and last validation value of each twin, the iteration of
the best) is printed and written to WORK_DIR/<pair>_schedule.md and .json
with every run's validation curve and the command and commit.
"""
import argparse

import _bootstrap  # noqa: F401
from mmengine.config import DictAction
from twin_study import PAIRS, RunContext
from twin_study.schedule import parse_setting, run_grid, zipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('tracker', choices=sorted(PAIRS))
    parser.add_argument('--grid', required=True, type=parse_setting,
                        action='append',
                        help='KEY=V1,V2,... (a --cfg-options key); several '
                        'are zipped')
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--work-dir', default='work_dirs/schedule')
    parser.add_argument('--threads', type=int, default=1,
                        help='CPU threads of every run')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction,
                        default={})
    args = parser.parse_args()
    if args.threads < 1:
        parser.error(f'--threads must be >= 1, got {args.threads}')
    key, settings = zipped(args.grid, parser)
    run_grid(args.tracker, key, settings, RunContext(args.threads),
             args.work_dir, args.seed, args.cfg_options, args.threads)


if __name__ == '__main__':
    main()
