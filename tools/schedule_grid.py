"""Choose a training schedule for a pair of twins on the validation data:
train both twins under each setting of a grid (one seed) and read the
validation metric their training logged, never the test data.

    .venv/bin/python tools/schedule_grid.py siamrpn-mot17drawn \\
        --grid optim_wrapper.optimizer.lr=3e-5,1e-4,3e-4 \\
        [--grid KEY=V1,V2,V3 ...] \\
        [--seed 0] [--work-dir work_dirs/schedule] [--threads 1] \\
        [--cfg-options key=value ...]

Pairs as in tools/compare_twins.py. Each setting is one config value (a
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
import json
import os.path as osp
import time
from typing import Dict, List, Tuple

from _env_guard import require_mmdeepmot

require_mmdeepmot()

import compare_twins  # noqa: E402
from mmengine.config import Config, DictAction  # noqa: E402

from mmdeepmot.utils import assignment_type, provenance  # noqa: E402
from mmdeepmot.visualization import read_validation, scalar_files  # noqa

KEY = 'motchallenge-metric/MOTA'


def parse_setting(text: str) -> Tuple[str, List[str]]:
    """``key=v1,v2`` -> (key, [v1, v2]), with an error naming the text."""
    form = 'KEY=V1,V2,...'
    key, values = assignment_type(form, '--grid')(text)
    items = [v for v in values.split(',') if v]
    if not items:
        raise argparse.ArgumentTypeError(
            f'--grid expects {form}, got {text!r}')
    return key, items


def zipped(grids: List[Tuple[str, List[str]]],
           parser: argparse.ArgumentParser
           ) -> Tuple[str, Dict[str, Dict[str, object]]]:
    """The settings of one or more ``--grid`` options, zipped: the table's
    key (the keys joined by ``+``) and setting name (the values joined by
    ``_``) -> ``--cfg-options`` of that setting."""
    counts = {len(values) for _, values in grids}
    if len(counts) > 1:
        parser.error('every --grid needs as many values, got ' + ', '.join(
            f'{len(values)} for {key}' for key, values in grids))
    settings = {}
    for values in zip(*(values for _, values in grids)):
        # parsed as --cfg-options parses it (3e-4 a float)
        settings['_'.join(values)] = {
            key: DictAction._parse_iterable(value)
            for (key, _), value in zip(grids, values)}
    if len(settings) < counts.pop():
        parser.error('--grid repeats a setting')
    return '+'.join(key for key, _ in grids), settings


def validated_run(config: str, seed: int, work_dir: str,
                  opts: Dict[str, object]) -> List[Tuple[int, float]]:
    """Train (or finish) one run and return its validation curve
    ``[(iteration, value), ...]``."""
    cfg = Config.fromfile(osp.join(compare_twins.ROOT, config))
    cfg.merge_from_dict(opts)
    if not cfg.get('val_dataloader'):
        raise SystemExit(f'error: {config} does not validate; a schedule '
                         'cannot be chosen without validation data')
    with compare_twins.run_lock(work_dir):
        compare_twins.train_run(config, cfg, seed, work_dir, opts)
    curve = read_validation(scalar_files(work_dir), KEY)
    if not curve:
        raise SystemExit(f'error: {work_dir} logged no {KEY}')
    return curve


def choose(results: Dict[str, Dict[str, dict]]) -> str:
    """The setting whose twins' best validation values have the highest
    mean (the first such in the grid)."""
    def mean_best(value: str) -> float:
        runs = results[value].values()
        return sum(r['best'] for r in runs) / len(runs)
    return max(results, key=mean_best)


def table(key: str, results: Dict[str, Dict[str, dict]], kept: str) -> str:
    """Markdown: one row per setting, best (at iteration) and last
    validation value per twin, their mean best."""
    names = list(next(iter(results.values())))
    head = [key] + [f'{n} best (iter) / last' for n in names] + ['mean best']
    lines = ['| ' + ' | '.join(head) + ' |',
             '|' + '---|' * len(head)]
    for value, runs in results.items():
        cells = [value + (' (kept)' if value == kept else '')]
        cells += [f'{100 * r["best"]:.2f} ({r["best_iter"]}) / '
                  f'{100 * r["curve"][-1][1]:.2f}' for r in runs.values()]
        mean = sum(r['best'] for r in runs.values()) / len(runs)
        cells.append(f'{100 * mean:.2f}')
        lines.append('| ' + ' | '.join(cells) + ' |')
    return '\n'.join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('tracker', choices=sorted(compare_twins.PAIRS))
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
    compare_twins.ENV.update(OMP_NUM_THREADS=str(args.threads),
                             MKL_NUM_THREADS=str(args.threads))
    started = provenance()
    start = time.time()
    key, settings = zipped(args.grid, parser)
    work_root = osp.abspath(args.work_dir)
    results: Dict[str, Dict[str, dict]] = {}
    for value, setting in settings.items():
        results[value] = {}
        for config in compare_twins.PAIRS[args.tracker]:
            name = osp.splitext(osp.basename(config))[0]
            work_dir = osp.join(work_root,
                                f'{name}_{value}_seed{args.seed}')
            print(f'== {name}, {key}={value} -> {work_dir}', flush=True)
            curve = validated_run(config, args.seed, work_dir,
                                  dict(args.cfg_options, **setting))
            best_iter, best = max(curve, key=lambda c: (c[1], -c[0]))
            results[value][name] = dict(best=best, best_iter=best_iter,
                                        curve=curve)
            print(f'{name} {key}={value}: best {100 * best:.2f} at '
                  f'{best_iter}, validation '
                  + ' '.join(f'{100 * v:.2f}' for _, v in curve),
                  flush=True)
    kept = choose(results)
    text = table(key, results, kept)
    print(text)
    print(f'kept: {key}={kept}')
    base = osp.join(work_root, f'{args.tracker}_schedule')
    with open(base + '.md', 'w') as f:
        f.write(text + '\n')
    with open(base + '.json', 'w') as f:
        json.dump(dict(key=key, metric=KEY, seed=args.seed, kept=kept,
                       settings=settings, runs=results,
                       provenance=dict(started, threads=args.threads)),
                  f, indent=2)
    print(f'written {base}.md and .json; {time.time() - start:.0f} s')


if __name__ == '__main__':
    main()
