"""Choosing a training schedule for a pair of twins on the validation
data: both twins trained under each setting of a grid (one seed), the
validation metric their training logged compared, never the test data."""
import argparse
import json
import os.path as osp
import time
from typing import Dict, List, Tuple

from mmengine.config import Config, DictAction

from mmdeepmot.utils import assignment_type, provenance
from mmdeepmot.visualization import read_validation, scalar_files
from .runs import RunContext, run_lock
from .study import PAIRS, config_name

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


def zipped(
    grids: List[Tuple[str, List[str]]], parser: argparse.ArgumentParser
) -> Tuple[str, Dict[str, Dict[str, object]]]:
    """The settings of one or more ``--grid`` options, zipped: the table's
    key (the keys joined by ``+``) and setting name (the values joined by
    ``_``) -> ``--cfg-options`` of that setting."""
    counts = {len(values) for _, values in grids}
    if len(counts) > 1:
        parser.error('every --grid needs as many values, got ' +
                     ', '.join(f'{len(values)} for {key}'
                               for key, values in grids))
    settings = {}
    for values in zip(*(values for _, values in grids)):
        # parsed as --cfg-options parses it (3e-4 a float)
        settings['_'.join(values)] = {
            key: DictAction._parse_iterable(value)
            for (key, _), value in zip(grids, values)
        }
    if len(settings) < counts.pop():
        parser.error('--grid repeats a setting')
    return '+'.join(key for key, _ in grids), settings


def validated_run(context: RunContext, config: str, seed: int, work_dir: str,
                  opts: Dict[str, object]) -> List[Tuple[int, float]]:
    """Train (or finish) one run and return its validation curve
    ``[(iteration, value), ...]``."""
    cfg = Config.fromfile(osp.join(context.root, config))
    cfg.merge_from_dict(opts)
    if not cfg.get('val_dataloader'):
        raise SystemExit(f'error: {config} does not validate; a schedule '
                         'cannot be chosen without validation data')
    with run_lock(work_dir):
        context.train_run(config, cfg, seed, work_dir, opts)
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
    lines = ['| ' + ' | '.join(head) + ' |', '|' + '---|' * len(head)]
    for value, runs in results.items():
        cells = [value + (' (kept)' if value == kept else '')]
        cells += [
            f'{100 * r["best"]:.2f} ({r["best_iter"]}) / '
            f'{100 * r["curve"][-1][1]:.2f}' for r in runs.values()
        ]
        mean = sum(r['best'] for r in runs.values()) / len(runs)
        cells.append(f'{100 * mean:.2f}')
        lines.append('| ' + ' | '.join(cells) + ' |')
    return '\n'.join(lines)


def run_grid(tracker: str, key: str, settings: Dict[str, Dict[str, object]],
             context: RunContext, work_dir: str, seed: int,
             cfg_options: Dict[str, object], threads: int) -> str:
    """Train both twins of ``tracker`` under each setting, keep the best
    (``choose``), write the table and JSON to
    ``<work_dir>/<tracker>_schedule.*``. Returns the table."""
    started = provenance()
    start = time.time()
    work_root = osp.abspath(work_dir)
    results: Dict[str, Dict[str, dict]] = {}
    for value, setting in settings.items():
        results[value] = {}
        for config in PAIRS[tracker]:
            name = config_name(config)
            run_dir = osp.join(work_root, f'{name}_{value}_seed{seed}')
            print(f'== {name}, {key}={value} -> {run_dir}', flush=True)
            curve = validated_run(context, config, seed, run_dir,
                                  dict(cfg_options, **setting))
            best_iter, best = max(curve, key=lambda c: (c[1], -c[0]))
            results[value][name] = dict(best=best,
                                        best_iter=best_iter,
                                        curve=curve)
            print(f'{name} {key}={value}: best {100 * best:.2f} at '
                  f'{best_iter}, validation ' + ' '.join(f'{100 * v:.2f}'
                                                         for _, v in curve),
                  flush=True)
    kept = choose(results)
    text = table(key, results, kept)
    print(text)
    print(f'kept: {key}={kept}')
    base = osp.join(work_root, f'{tracker}_schedule')
    with open(base + '.md', 'w') as f:
        f.write(text + '\n')
    with open(base + '.json', 'w') as f:
        json.dump(dict(key=key,
                       metric=KEY,
                       seed=seed,
                       kept=kept,
                       settings=settings,
                       runs=results,
                       provenance=dict(started, threads=threads)),
                  f,
                  indent=2)
    print(f'written {base}.md and .json; {time.time() - start:.0f} s')
    return text
