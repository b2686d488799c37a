"""Tables of Markdown pages written from the result files under
``benchmarks/results`` (each with the command and commit that made it).

A page holds directives, HTML comments that a reader does not see, each
followed by its generated table up to ``<!-- /results -->``:

- ``<!-- results:twins FILE [runs=VANILLA,DEEPMOT] [rows=...] -->``: a
  comparison's JSON (run -> seed -> metrics): every run and seed, the
  means, the paired differences and a sign test of the MOTA and IDF1
  differences; ``runs`` picks the twins from a ledger that holds other
  runs too; ``rows=LABEL:REF,...`` adds rows after stage 0 (e.g.
  baselines; REF as in ``results:metrics``, ``%20`` for a space).
- ``<!-- results:ledger FILE runs=A,B seeds=0,1 base=B -->``: runs of a
  ledger, mean ± std, the others minus ``base`` seed by seed.
- ``<!-- results:metrics`` then lines ``LABEL | FILE`` or
  ``LABEL | FILE#RUN`` (mean ± std over its seeds) or ``FILE#RUN/SEED``,
  then ``-->``: one row of test metrics each.
- ``<!-- results:table FILE path=A/B -->``: a dict of numbers, or of
  dicts of numbers, under ``path`` (keys split at ``/``; ``%2F`` and
  ``%20`` for a slash or a space within a key).
- ``<!-- results:curves FILE -->``: validation curves
  (``curves: {name: [[iteration, value], ...]}``).
- ``<!-- results:schedule FILE -->``: a schedule grid's settings.
- ``<!-- results:tune FILE top=N -->``: a test-time option search, best
  first.
- ``<!-- results:index -->``: every result file, the pages that read
  it and the command that made it (``results_index``).
- ``<!-- results:cost FILE FILE ... -->``: training-step timings
  (``benchmarks/tracktor_step.py``), one column per file: milliseconds per
  iteration and the share of the step the DeepMOT loss takes.

``render_page`` rewrites every generated table from the files;
``tools/results_page.py --check`` fails when a page differs from it.
"""
import json
import os.path as osp
import re
from typing import Dict, List, Optional, Tuple

from .results_index import render_index
from .schedule import table as schedule_table
from .tables import (STAGE0, SUMMARY, cells, paired_t, runs_table, sign_test,
                     spread, twins_table)

END = '<!-- /results -->'
DIRECTIVE = re.compile(r'<!-- results:(\w+)(.*?)-->\n', re.S)


def _load(root: str, name: str) -> dict:
    path = osp.join(root, name)
    if not osp.isfile(path):
        raise FileNotFoundError(f'no result file {path}')
    with open(path) as f:
        return json.load(f)


def _options(text: str) -> Tuple[List[str], Dict[str, str]]:
    """``FILE k=v ...`` -> (['FILE'], {k: v})."""
    words, opts = [], {}
    for word in text.split():
        if '=' in word:
            key, value = word.split('=', 1)
            opts[key] = value
        else:
            words.append(word)
    return words, opts


def _seeds(run: dict) -> List[int]:
    return sorted(int(s) for s in run if s != STAGE0)


def render_twins(root: str, args: str) -> str:
    """A comparison's runs, means, paired differences and sign tests."""
    (name, ), opts = _options(args)
    record = _load(root, name)
    runs = {k: v for k, v in record.items() if k != 'provenance'}
    twins = [k for k, v in runs.items() if STAGE0 not in v]
    if 'runs' in opts:  # a ledger that also holds ablations
        twins = opts['runs'].split(',')
        # vanilla first; a twin with no finished run yet is empty
        runs = dict([(k, v) for k, v in runs.items() if STAGE0 in v] +
                    [(k, runs.get(k, {})) for k in twins])
    if len(twins) != 2:
        raise ValueError(f'{name} holds the runs {twins}: name the twins '
                         'as runs=VANILLA,DEEPMOT')
    seeds = sorted(set.intersection(*(set(_seeds(runs[t])) for t in twins)))
    # a run whose twin is not finished is named, not shown unpaired
    unpaired = [f'{t} seed {s}' for t in twins for s in _seeds(runs[t])
                if s not in seeds]
    if not seeds:
        return ('No seed of both twins has finished yet' +
                (f' (finished: {", ".join(unpaired)}).' if unpaired else '.'))
    runs = {k: ({s: v[str(s)] for s in seeds} if k in twins else v)
            for k, v in runs.items()}
    text = twins_table(runs, seeds)
    if 'rows' in opts:  # baselines as rows of the same table, after stage 0
        extra = []
        for item in opts['rows'].split(','):
            label, _, ref = item.partition(':')
            row, seed = _metrics_row(root, ref)
            extra.append(f"| {label.replace('%20', ' ')} | {seed} | {row} |")
        head = text.split('\n')
        at = 2 + sum(STAGE0 in v for v in runs.values())
        text = '\n'.join(head[:at] + extra + head[at:])
    vanilla, deepmot = twins
    lines = [text, '']
    for key in ('MOTA', 'IDF1'):
        diffs = [100 * (runs[deepmot][s][key] - runs[vanilla][s][key])
                 for s in seeds]
        t = paired_t(diffs)
        lines.append(
            f'{key}: DeepMOT ahead on {sum(d > 0 for d in diffs)} of '
            f'{len(diffs)} seeds, sign test p = {sign_test(diffs):.3f}, '
            'paired t = ' + ('-' if t is None else f'{t:.2f}') +
            f' ({len(diffs) - 1} degrees of freedom).')
    if unpaired:
        lines.append('Left out until their twins finish: ' +
                     ', '.join(unpaired) + '.')
    return '\n'.join(lines)


def render_ledger(root: str, args: str) -> str:
    """Runs of a ledger, mean ± std, minus a base run seed by seed."""
    (name, ), opts = _options(args)
    record = _load(root, name)
    names = opts['runs'].split(',')
    seeds = [int(s) for s in opts['seeds'].split(',')]
    runs = {n: {s: record[n][str(s)] for s in seeds} for n in names}
    paired = [n for n in names[1:] if n != opts['base']]
    return runs_table(runs, seeds, opts['base'], paired)


def _metrics_row(root: str, ref: str) -> Tuple[str, str]:
    """The cells of ``FILE``, ``FILE#RUN`` or ``FILE#RUN/SEED``."""
    name, _, run = ref.partition('#')
    record = _load(root, name)
    if not run:
        return cells(record['overall']), '-'
    run, _, seed = run.partition('/')
    if seed:
        return cells(record[run][seed]), seed
    have = record[run]
    seeds = sorted(have, key=lambda s: (s == STAGE0, s))
    return spread([have[s] for s in seeds]), ','.join(
        s for s in seeds if s != STAGE0) or '-'


def render_metrics(root: str, args: str) -> str:
    """One row of test metrics per ``LABEL | REF`` line."""
    lines = ['| | seeds | ' + ' | '.join(SUMMARY) + ' |',
             '|---|---|' + '---|' * len(SUMMARY)]
    for line in args.strip().splitlines():
        label, ref = (part.strip() for part in line.rsplit('|', 1))
        row, seeds = _metrics_row(root, ref)
        lines.append(f'| {label} | {seeds} | {row} |')
    return '\n'.join(lines)


def _number(value) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, int) or float(value).is_integer():
        return f'{value:.0f}'
    return f'{value:.3g}' if abs(value) < 1 else f'{value:.1f}'


def render_table(root: str, args: str) -> str:
    """A dict of numbers (key | value) or of dicts (rows x columns)."""
    (name, ), opts = _options(args)
    node = _load(root, name)
    for key in filter(None, opts.get('path', '').split('/')):
        node = node[key.replace('%2F', '/').replace('%20', ' ')]
    if all(not isinstance(v, dict) for v in node.values()):
        return '\n'.join(['| | value |', '|---|---|'] + [
            f'| {k} | {_number(v)} |' for k, v in node.items()])
    columns: List[str] = []
    for row in node.values():
        columns += [c for c in row if c not in columns]
    lines = ['| | ' + ' | '.join(columns) + ' |',
             '|---|' + '---|' * len(columns)]
    for key, row in node.items():
        lines.append(f'| {key} | ' + ' | '.join(
            _number(row[c]) if c in row else '' for c in columns) + ' |')
    return '\n'.join(lines)


def render_curves(root: str, args: str) -> str:
    """Validation curves: one row per iteration, one column per run."""
    (name, ), _ = _options(args)
    curves = _load(root, name)['curves']
    steps = sorted({int(i) for c in curves.values() for i, _ in c})
    lines = ['| iteration | ' + ' | '.join(curves) + ' |',
             '|---|' + '---|' * len(curves)]
    for step in steps:
        row = [next((f'{100 * v:.1f}' for i, v in c if int(i) == step), '')
               for c in curves.values()]
        lines.append(f'| {step} | ' + ' | '.join(row) + ' |')
    return '\n'.join(lines)


def render_schedule(root: str, args: str) -> str:
    """A schedule grid: best and last validation value per twin."""
    (name, ), _ = _options(args)
    record = _load(root, name)
    return schedule_table(record['key'], record['runs'], record['kept'])


def render_tune(root: str, args: str) -> str:
    """A test-time option search, best first by its metric."""
    (name, ), opts = _options(args)
    record = _load(root, name)
    metric = record.get('metric', 'MOTA')
    rows = sorted(record['rows'], key=lambda r: -r['metrics'][metric])
    rows = rows[:int(opts.get('top', len(rows)))]
    keys = list(rows[0]['options'])
    lines = ['| ' + ' | '.join(keys + list(SUMMARY)) + ' |',
             '|' + '---|' * (len(keys) + len(SUMMARY))]
    for row in rows:
        lines.append('| ' + ' | '.join(
            [str(row['options'][k]) for k in keys] +
            [cells(row['metrics'])]) + ' |')
    return '\n'.join(lines)


def render_cost(root: str, args: str) -> str:
    """Step timings side by side: ``ms (share %)`` per variant and file,
    the share being ``1 - vanilla / variant``."""
    names, _ = _options(args)
    records = [_load(root, name) for name in names]
    variants: List[str] = []
    for record in records:
        variants += [v for v in record['ms_per_iteration']
                     if v not in variants]
    lines = ['| variant | ' + ' | '.join(
        f"{r.get('ground', 'toy')}, {r['threads']} "
        f"thread{'s' if r['threads'] > 1 else ''}" for r in records) + ' |',
        '|---|' + '---|' * len(records)]
    for variant in variants:
        row = []
        for record in records:
            ms = record['ms_per_iteration']
            if variant not in ms:
                row.append('')
            elif variant == 'vanilla':
                row.append(f'{ms[variant]:.0f}')
            else:
                share = 100 * (1 - ms['vanilla'] / ms[variant])
                row.append(f'{ms[variant]:.0f} ({share:.0f} %)')
        lines.append(f'| {variant} | ' + ' | '.join(row) + ' |')
    return '\n'.join(lines)


RENDERERS = dict(index=render_index, twins=render_twins, ledger=render_ledger,
                 metrics=render_metrics, table=render_table,
                 curves=render_curves, schedule=render_schedule,
                 tune=render_tune, cost=render_cost)


def render_page(text: str, root: str, where: Optional[str] = None) -> str:
    """``text`` with the table after each directive written anew from the
    result files under ``root``.

    Raises:
        ValueError: for an unknown directive or one without its end
            marker, naming the page and line.
    """
    out, pos = [], 0
    for match in DIRECTIVE.finditer(text):
        line = text.count('\n', 0, match.start()) + 1
        kind, args = match.group(1), match.group(2)
        if kind not in RENDERERS:
            raise ValueError(f'{where}:{line}: unknown directive '
                             f'results:{kind} (known: {sorted(RENDERERS)})')
        end = text.find(END, match.end())
        if end < 0:
            raise ValueError(f'{where}:{line}: results:{kind} has no '
                             f'{END} after it')
        try:
            table = RENDERERS[kind](root, args)
        except (KeyError, ValueError, FileNotFoundError) as err:
            raise ValueError(f'{where}:{line}: results:{kind}: '
                             f'{type(err).__name__}: {err}') from err
        out += [text[pos:match.end()], table, '\n']
        pos = end
    out.append(text[pos:])
    return ''.join(out)
