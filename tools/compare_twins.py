"""Train a DeepMOT tracker and its vanilla twin over several seeds, test
both with tools/test.py and print the comparison on the test split.

    .venv/bin/python tools/compare_twins.py {tracktor,siamrpn} \
        [--seeds 0 1 2] [--stage0] \
        [--deepmot-config CONFIG] [--work-dir work_dirs/twins] \
        [--threads 2] [--verbose] [--finished-only] [--ledger FILE] \
        [--cfg-options key=value ...]

Pairs: tracktor and siamrpn (the generated toy set), tracktor-mot17drawn
and siamrpn-mot17drawn (the drawn MOT17, configs/mot17_drawn),
tracktor-pets09 and siamrpn-pets09 (real PETS09-S2L1, configs/pets09).
--stage0 also
tests the weights both twins start from (the vanilla config's load_from),
and evaluates them on the validation data when the config has some, as
run stage0_<vanilla config> (no seed). --deepmot-config runs an ablation:
another DeepMOT config in the twin's place.

Runs go seed by seed (vanilla then DeepMOT). Each run lives in
WORK_DIR/<config>_seed<S>, its training and test output
in train.log and test.log there; it is tested with the checkpoint its
config's CheckpointHook(save_best=...) kept, chosen on the validation data
(the drawn MOT17: half-train-select), else its last one; the JSON's
provenance names each run's. The console shows a progress bar per
step, each run's one-line result and the table (--verbose streams the full
output instead). A finished run is not trained
again and an interrupted one resumes from its last checkpoint, so running
the command again after a stop picks up where it was. A run is tested again
when its metrics are older than its checkpoint or were computed under other
test settings (test data or metric changed); a run folder trained under
another training config, or whose checkpoint was chosen on validation under
other tracker options (the choice depends on them), is refused. The table
(mean over seeds, and DeepMOT minus vanilla per seed) is printed and written to
WORK_DIR/<tracker>_twins.md and .json, or <deepmot config>_twins.* with
--deepmot-config (an ablation) (run name -> seed -> metrics, and the
command and commit under "provenance"). --finished-only trains and tests
nothing: it tabulates the seeds whose twins are both done (while another
process works on the rest) and names the runs it left out. --ledger FILE
keeps every finished run's figures in FILE (tools/twins_ledger.py) beyond
the run folders: a run FILE holds under the same config, seed and thread
count is neither trained nor tested again, so a comparison longer than a
session goes on in another checkout.
"""
import argparse
import fcntl
import glob
import hashlib
import json
import os
import os.path as osp
import re
import subprocess
import sys
import time
from collections import deque
from contextlib import contextmanager, nullcontext
from typing import Dict, Iterator, List, Optional, Sequence

from _env_guard import require_mmdeepmot

require_mmdeepmot()

import twins_ledger  # noqa: E402
from mmengine.config import Config, DictAction  # noqa: E402

from mmdeepmot.evaluation import trackeval_mot  # noqa: E402
from mmdeepmot.utils import provenance  # noqa: E402
from mmdeepmot.visualization import read_validation, scalar_files  # noqa

ROOT = osp.dirname(osp.dirname(osp.abspath(__file__)))
SUMMARY = trackeval_mot.SUMMARY
PAIRS = {
    'tracktor': ('configs/toy/vanilla_tracktor_toy.py',
                 'configs/toy/deepmot_tracktor_toy.py'),
    'siamrpn': ('configs/toy/vanilla_siamrpn_toy.py',
                'configs/toy/deepmot_siamrpn_toy.py'),
    'tracktor-mot17drawn': (
        'configs/mot17_drawn/vanilla_tracktor_mot17drawn.py',
        'configs/mot17_drawn/deepmot_tracktor_mot17drawn.py'),
    'siamrpn-mot17drawn': (
        'configs/mot17_drawn/vanilla_siamrpn_mot17drawn.py',
        'configs/mot17_drawn/deepmot_siamrpn_mot17drawn.py'),
    'tracktor-pets09': ('configs/pets09/vanilla_tracktor_pets09.py',
                        'configs/pets09/deepmot_tracktor_pets09.py'),
    'siamrpn-pets09': ('configs/pets09/vanilla_siamrpn_pets09.py',
                       'configs/pets09/deepmot_siamrpn_pets09.py'),
}
STAGE0 = 'stage0'  # the seed column of the stage-0 row
# what a trained run depends on (with the model less its test-time
# options): a run folder trained under other values is not reused
TRAINING_KEYS = ('model', 'load_from', 'randomness', 'train_dataloader',
                 'train_cfg', 'optim_wrapper', 'param_scheduler',
                 'custom_hooks', 'val_dataloader', 'val_evaluator')
# mmengine's loop lines: "Iter(train) [ 150/600]", "Epoch(test) [807/807]",
# and a training's validation "Epoch(val) [0][ 50/663]" (not shown)
PROGRESS = re.compile(
    r'(?:Iter|Epoch)\((train|test|val)\) *(?:\[\d+\])?\[ *(\d+)/(\d+)\]')
VERBOSE = False  # set by --verbose: stream the tools' output as it comes
# set by --threads: the runs' float summation order depends on the thread
# count (toy Tracktor seed 0, vanilla twin: MOTA 41.3 on 1 thread, 41.9 on
# 2), so the count is pinned and recorded with the figures
ENV: Dict[str, str] = dict(os.environ)
# run folder -> the checkpoint its test used, for the JSON's provenance
CHOSEN: Dict[str, str] = {}
FINISHED_ONLY = False  # set by --finished-only: tabulate, train nothing
# run folder -> the commit its test ran at (tools/test.py records it): a
# comparison resumed at another commit says which runs are whose
RUN_COMMITS: Dict[str, Optional[str]] = {}
LEDGER: Optional[str] = None  # set by --ledger: the twins_ledger file


class NotFinished(Exception):
    """A run --finished-only cannot tabulate: not trained or tested yet."""


def _bar(label: str, done: int, total: int, width: int = 30) -> str:
    filled = width * done // max(total, 1)
    # padded: a shorter bar must hide the longer one it overwrites
    return (f'\r  {label:<6} [{"#" * filled}{"." * (width - filled)}] '
            f'{done}/{total}').ljust(60)


def run_logged(cmd: Sequence[str], log_path: str, label: str) -> None:
    """Run a tool with its output written to ``log_path``; the console
    shows a progress bar of the iterations it logs. A failure prints the
    log's last lines and exits naming the log.

    Args:
        cmd (Sequence[str]): the command.
        log_path (str): where its stdout and stderr go (appended: a resumed
            run keeps the killed one's lines).
        label (str): the bar's name (``train``, ``test``).
    """
    if VERBOSE:
        subprocess.run(cmd, check=True, cwd=ROOT, env=ENV)
        return
    os.makedirs(osp.dirname(log_path), exist_ok=True)
    tail: deque = deque(maxlen=30)
    shown = ''
    with open(log_path, 'a') as log:
        log.write(f'$ {" ".join(cmd)}\n')
        log.flush()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=ENV, text=True,
                                stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)
        for line in proc.stdout:
            log.write(line)
            log.flush()  # the log can be followed while the run goes
            tail.append(line)
            m = PROGRESS.search(line)
            # tools/test.py runs a test loop whichever split it evaluates
            if m and m.group(1) == ('train' if label == 'train' else 'test'):
                shown = _bar(label, int(m.group(2)), int(m.group(3)))
                print(shown, end='', flush=True)
        code = proc.wait()
    if shown:
        print(flush=True)
    if code:
        sys.stderr.write(''.join(tail))
        raise SystemExit(f'error: {label} failed (exit {code}); its output '
                         f'is in {log_path}')


def one_line(name: str, seed: object, metrics: Dict[str, float]) -> str:
    """``name seed: MOTA 43.2 IDF1 45.3 ...`` for the console."""
    cells = ' '.join(f'{k} {trackeval_mot.markdown_cell(k, metrics[k])}'
                     for k in SUMMARY)
    return f'{name} {seed}: {cells}'


def _options(opts: Dict[str, object]) -> List[str]:
    """``--cfg-options k=v ...``, or nothing when there are none."""
    return ['--cfg-options'] + [f'{k}={v}' for k, v in opts.items()] \
        if opts else []


def _read(path: str) -> Optional[str]:
    """The text of ``path``, None when there is no such file."""
    if not osp.isfile(path):
        return None
    with open(path) as f:
        return f.read()


def test_signature(cfg: Config, split: str = 'test') -> str:
    """Hash of what a test depends on besides the weights (the model's
    test-time options, the data and metric of ``split``): metrics computed
    under another signature are stale."""
    parts = {k: cfg.to_dict().get(k) for k in
             ('model', f'{split}_dataloader', f'{split}_evaluator',
              'test_cfg')}
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha1(text.encode()).hexdigest()


def validates(cfg: Config) -> bool:
    """Whether ``cfg`` has a validation loop and its data."""
    return bool(cfg.get('val_cfg') and cfg.get('val_dataloader'))


def tested_checkpoint(work_dir: str, final: str) -> str:
    """The checkpoint a finished run is tested with: the one its config's
    ``CheckpointHook(save_best=...)`` kept (chosen on the validation data,
    never the test data), else the last one."""
    best = sorted(n for n in os.listdir(work_dir)
                  if n.startswith('best_') and n.endswith('.pth'))
    if len(best) > 1:
        raise RuntimeError(f'{work_dir} has {len(best)} best checkpoints '
                           f'({best}); remove the stale ones')
    return osp.join(work_dir, best[0]) if best else final


@contextmanager
def run_lock(work_dir: str) -> Iterator[None]:
    """Hold ``work_dir``'s lock while a run is trained or tested there: a
    second comparison that needs the same run (an ablation reusing the
    vanilla twin) waits for it instead of training it alongside. The lock
    goes with the process that holds it, killed or not."""
    os.makedirs(work_dir, exist_ok=True)
    with open(osp.join(work_dir, '.lock'), 'w') as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f'  waiting: another process works in {work_dir}',
                  flush=True)
            fcntl.flock(f, fcntl.LOCK_EX)
        yield


def train_run(config: str, cfg: Config, seed: int, work_dir: str,
              opts: Dict[str, object]) -> str:
    """Train one run with tools/train.py until its last iteration
    (resuming a killed run from its last checkpoint; nothing when it is
    done) and return its last checkpoint.

    Args:
        config (str): the config, relative to the repository root.
        cfg (Config): that config with ``opts`` merged.
        seed (int): ``randomness.seed``.
        work_dir (str): the run's folder; its output goes to train.log
            there.
        opts (dict): ``--cfg-options`` of the run.
    """
    max_iters = cfg.train_cfg.max_iters
    final = osp.join(work_dir, f'iter_{max_iters}.pth')
    run_opts = seeded(opts, seed)
    check_trained_under(cfg, run_opts, work_dir)
    # a run killed during its last validation has its last checkpoint but
    # not that check: resuming it validates there (ResumeValidationHook);
    # the check is found by iteration where validation is logged so
    logger = (cfg.get('default_hooks') or {}).get('logger') or {}
    by_iteration = validates(cfg) and \
        not logger.get('log_metric_by_epoch', True)
    if osp.isfile(final) and not (by_iteration and max_iters not in {
            int(i) for i, _ in validation_curve(work_dir)}):
        return final
    cmd = [sys.executable, osp.join(ROOT, 'tools', 'train.py'), config,
           '--work-dir', work_dir]
    # what mmengine's resume reads (its find_latest_checkpoint would print
    # a line on the console for every run not started yet)
    if osp.isfile(osp.join(work_dir, 'last_checkpoint')):
        cmd.append('--resume')
    run_logged(cmd + _options(run_opts),
               osp.join(work_dir, 'train.log'), 'train')
    return final


def seeded(opts: Dict[str, object], seed: int) -> Dict[str, object]:
    """``opts`` with the run's seed, as a run is trained under them."""
    return dict(opts, **{'randomness.seed': seed})


def _training_part(cfg: Config) -> Dict[str, object]:
    """What a trained run depends on: the ``TRAINING_KEYS`` of ``cfg``
    less the test-time options (a run is tested again under new ones, not
    trained again) and where result files go."""
    def strip(node):
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items()
                    if k not in ('tracker', 'test_cfg', 'results_dir')}
        if isinstance(node, (list, tuple)):
            return [strip(v) for v in node]
        return node
    data = cfg.to_dict()
    return _plain(strip({k: data.get(k) for k in TRAINING_KEYS}))


def _plain(node: object) -> object:
    """``node`` as JSON reads it back (tuples as lists, other objects as
    text), so that a config read from a dump compares equal."""
    return json.loads(json.dumps(node, sort_keys=True, default=str))


def _selection_part(cfg: Config) -> Optional[object]:
    """The test-time options a run's kept checkpoint was chosen under: the
    model's ``tracker`` when the config keeps its best checkpoint on
    validation (``CheckpointHook(save_best=...)``), else None."""
    data = cfg.to_dict()
    hook = (data.get('default_hooks') or {}).get('checkpoint') or {}
    if not hook.get('save_best') or not data.get('val_dataloader'):
        return None
    return _plain((data.get('model') or {}).get('tracker'))


def check_trained_under(cfg: Config, run_opts: Dict[str, object],
                        work_dir: str) -> None:
    """Refuse a run folder whose training (finished or killed) was made
    under another training config than ``cfg`` with ``run_opts`` (the
    config the runner dumped there), or validated under other tracker
    options when its kept checkpoint is chosen on validation: reusing or
    resuming it would mix two schedules, or two checkpoint choices, under
    one name. A folder without a dumped config has nothing to compare.

    Raises:
        SystemExit: naming the folder, its dumped config and the keys that
            differ.
    """
    # the runner dumps its config in every start's <timestamp>/vis_data;
    # the oldest is the training's first (a resumed one reads load_from
    # from its checkpoint, a test from the kept one)
    dumps = sorted(glob.glob(osp.join(work_dir, '*', 'vis_data',
                                      'config.py')))
    if not dumps or not osp.isfile(osp.join(work_dir, 'train.log')):
        return
    dumped = dumps[0]
    wanted = cfg.copy()
    wanted.merge_from_dict(run_opts)
    have_cfg = Config.fromfile(dumped)
    have = _training_part(have_cfg)
    want = _training_part(wanted)
    differ = sorted(k for k in want if have.get(k) != want[k])
    # the kept checkpoint was chosen by validating under the test-time
    # options: under others the choice (and so the test) could differ
    if _selection_part(have_cfg) != _selection_part(wanted):
        differ.append('model.tracker (the options its checkpoint was '
                      'chosen under on validation)')
    if differ:
        raise SystemExit(
            f'error: {work_dir} was trained under another config ({dumped} '
            f'differs in {", ".join(differ)}); move it away or use another '
            '--work-dir')


def run_signature(config: str, opts: Dict[str, object],
                  seed: Optional[int] = None) -> str:
    """Hash of what a run's figures depend on: its training config with
    ``opts`` and ``seed`` (for the stage-0 run, seed None, only the weights
    it reads), its test config and the thread count. Keys a ledger entry."""
    cfg = Config.fromfile(osp.join(ROOT, config))
    cfg.merge_from_dict(opts)
    if seed is None:
        trained = dict(load_from=cfg.get('load_from'))
    else:
        cfg.merge_from_dict(seeded({}, seed))
        trained = _training_part(cfg)
    text = json.dumps(dict(trained=trained, test=test_signature(cfg),
                           threads=ENV.get('OMP_NUM_THREADS')),
                      sort_keys=True, default=str)
    return hashlib.sha1(text.encode()).hexdigest()


def from_ledger_or_run(name: str, seed: object, work_dir: str,
                       signature: str, run) -> Dict[str, float]:
    """The metrics of one run: from the ledger (``--ledger``) when it
    holds them under ``signature``, else ``run()``'s, which are then added
    to the ledger."""
    folder = osp.basename(work_dir)
    if LEDGER:
        record = twins_ledger.read(LEDGER)
        metrics = twins_ledger.lookup(record, name, seed, folder, signature)
        if metrics is not None:
            prov = record['provenance']
            if folder in prov['checkpoints']:
                CHOSEN.setdefault(folder, prov['checkpoints'][folder])
            RUN_COMMITS[folder] = prov['test_commits'].get(folder)
            print(f'  from the ledger {LEDGER}', flush=True)
            return metrics
        if twins_ledger.stale_entry(record, folder, signature):
            print(f'  the ledger holds {folder} under another config: run '
                  'again, its entry replaced', flush=True)
    metrics = run()
    if LEDGER:
        twins_ledger.add(LEDGER, name, seed, folder, metrics, signature,
                         CHOSEN.get(folder), RUN_COMMITS.get(folder),
                         validation_curve(work_dir))
    return metrics


def validation_curve(work_dir: str) -> List[List[float]]:
    """``[[iteration, MOTA], ...]`` of a run's validation (the stage-0
    run's evaluation on the validation data as iteration 0); empty when it
    did not validate."""
    record = _read(osp.join(work_dir, 'val_metrics.json'))
    if record is not None:  # tested on the validation data (stage 0)
        return [[0, json.loads(record)['overall']['MOTA']]]
    try:
        files = scalar_files(work_dir)
    except FileNotFoundError:
        return []
    return [[i, v] for i, v in read_validation(files)]


def train_and_test(config: str, seed: int, work_dir: str,
                   opts: Dict[str, object]) -> Dict[str, float]:
    """Train (or finish training) one run, test its chosen checkpoint
    (``tested_checkpoint``, recorded in ``CHOSEN``)."""
    cfg = Config.fromfile(osp.join(ROOT, config))
    cfg.merge_from_dict(opts)
    final = osp.join(work_dir, f'iter_{cfg.train_cfg.max_iters}.pth')
    if FINISHED_ONLY and not osp.isfile(final):
        raise NotFinished(f'{work_dir} is not trained')
    train_run(config, cfg, seed, work_dir, opts)
    checkpoint = tested_checkpoint(work_dir, final)
    CHOSEN.setdefault(osp.basename(work_dir), osp.basename(checkpoint))
    return test_once(config, cfg, checkpoint, work_dir, opts)


def test_once(config: str, cfg: Config, checkpoint: str, work_dir: str,
              opts: Dict[str, object], split: str = 'test'
              ) -> Dict[str, float]:
    """Overall metrics of ``checkpoint`` on ``split`` (``'test'``, or
    ``'val'``: the data checkpoints are chosen on); computed again only
    when they are older than it or were computed under another
    signature. Files: ``{split}_metrics.json``, ``{split}.log``."""
    metrics_file = osp.join(work_dir, f'{split}_metrics.json')
    signature_file = osp.join(work_dir, f'{split}_signature.txt')
    signature = test_signature(cfg, split)
    weights = osp.join(ROOT, checkpoint)  # unchanged when absolute
    stale = not osp.isfile(metrics_file) or \
        osp.getmtime(metrics_file) < osp.getmtime(weights) or \
        _read(signature_file) != signature
    if stale and FINISHED_ONLY:
        raise NotFinished(f'{work_dir} has no {split} metrics of '
                          f'{osp.basename(checkpoint)} yet')
    if stale:
        results = 'results' if split == 'test' else f'{split}_results'
        run_logged(
            [sys.executable, osp.join(ROOT, 'tools', 'test.py'), config,
             '--checkpoint', checkpoint, '--work-dir', work_dir, '--json',
             metrics_file, '--results-dir', osp.join(work_dir, results),
             '--split', split, *_options(opts)],
            osp.join(work_dir, f'{split}.log'), split)
        with open(signature_file, 'w') as f:
            f.write(signature)
    with open(metrics_file) as f:
        record = json.load(f)
    if split == 'test':
        RUN_COMMITS[osp.basename(work_dir)] = record.get('commit')
    return record['overall']


def test_stage0(config: str, work_dir: str,
                opts: Dict[str, object]) -> Dict[str, float]:
    """Test the weights a twin starts from (its config's ``load_from``);
    when the config validates, they are also evaluated on its validation
    data (``val_metrics.json``: the start of the validation curves)."""
    cfg = Config.fromfile(osp.join(ROOT, config))
    cfg.merge_from_dict(opts)
    if not cfg.get('load_from'):
        raise ValueError(f'{config} has no load_from: no stage 0 to test')
    # as the config names it (tests run from the repository root), so the
    # recorded command does not carry this machine's paths
    if validates(cfg):
        test_once(config, cfg, cfg.load_from, work_dir, opts, split='val')
    return test_once(config, cfg, cfg.load_from, work_dir, opts)


def _std(values: List[float]) -> float:
    """Sample standard deviation (0 for one value)."""
    if len(values) < 2:
        return 0.0
    mean = sum(values) / len(values)
    return (sum((v - mean)**2 for v in values) / (len(values) - 1))**0.5


def _cell(k: str, value: float, signed: bool = False) -> str:
    text = trackeval_mot.markdown_cell(k, value)
    return '+' + text if signed and not text.startswith('-') else text


def cells(row: Dict[str, float], signed: bool = False) -> str:
    """The ``SUMMARY`` cells of one row of metrics (``signed``: a leading
    + on differences)."""
    return ' | '.join(_cell(k, row[k], signed) for k in SUMMARY)


def spread(rows: List[Dict[str, float]], signed: bool = False) -> str:
    """The ``SUMMARY`` cells of several rows: mean ± sample std (the mean
    alone for one row)."""
    out = []
    for k in SUMMARY:
        values = [r[k] for r in rows]
        mean = _cell(k, sum(values) / len(values), signed)
        std = trackeval_mot.markdown_cell(k, _std(values))
        out.append(mean if len(values) < 2 else f'{mean} ± {std}')
    return ' | '.join(out)


def table(runs: Dict[str, Dict[int, Dict[str, float]]],
          seeds: List[int]) -> str:
    """Markdown: one row per run, mean ± std per config, then the paired
    differences DeepMOT - vanilla per seed and their mean ± std."""
    names = [n for n in runs if STAGE0 not in runs[n]]
    header = ['| run | seed | ' + ' | '.join(SUMMARY) + ' |',
              '|---|---|' + '---|' * len(SUMMARY)]
    lines = list(header)
    for name, run in runs.items():
        if STAGE0 in run:
            lines.append(f'| {name} | - | {cells(run[STAGE0])} |')
    for name in names:
        for seed in seeds:
            lines.append(f'| {name} | {seed} | {cells(runs[name][seed])} |')
    for name in names:
        lines.append(f'| **{name}** | mean | '
                     f'{spread([runs[name][s] for s in seeds])} |')
    vanilla, deepmot = names
    paired = [{k: runs[deepmot][s][k] - runs[vanilla][s][k] for k in SUMMARY}
              for s in seeds]
    diffs = [100 * p['MOTA'] for p in paired]
    wins = sum(d > 0 for d in diffs)
    lines += ['', f'Paired differences, {deepmot} - {vanilla}:', ''] + \
        header
    for seed, p in zip(seeds, paired):
        lines.append(f'| difference | {seed} | {cells(p, signed=True)} |')
    lines.append(f'| **difference** | mean | {spread(paired, signed=True)} |')
    lines.append('')
    lines.append(f'MOTA {deepmot} - {vanilla} per seed: ' +
                 ', '.join(f'{d:+.2f}' for d in diffs) +
                 f' (DeepMOT ahead on {wins} of {len(seeds)} seeds)')
    return '\n'.join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('tracker', choices=sorted(PAIRS))
    parser.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2])
    parser.add_argument('--stage0', action='store_true',
                        help='also test the weights both twins start from')
    parser.add_argument('--deepmot-config',
                        help="in place of the pair's DeepMOT twin (an "
                        'ablation: its runs are named after it, the '
                        "vanilla twin's finished runs are reused)")
    parser.add_argument('--work-dir', default='work_dirs/twins')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction,
                        default={}, help='applied to both twins')
    parser.add_argument('--verbose', action='store_true',
                        help='stream the training and test output instead '
                        'of writing it to train.log / test.log')
    parser.add_argument('--finished-only', action='store_true',
                        help='train and test nothing: tabulate the runs that '
                        'are done (seeds with both twins), name the others')
    parser.add_argument('--ledger',
                        help='JSON file of finished runs kept beyond the '
                        'run folders: runs it holds (made under the same '
                        'config) are reused, finished runs are added')
    parser.add_argument('--threads', type=int, default=2,
                        help='CPU threads of every run (OMP_NUM_THREADS, '
                        'MKL_NUM_THREADS); the figures depend on it')
    args = parser.parse_args()
    if args.threads < 1:
        parser.error(f'--threads must be >= 1, got {args.threads}')
    global VERBOSE, FINISHED_ONLY, LEDGER
    VERBOSE = args.verbose
    LEDGER = osp.abspath(args.ledger) if args.ledger else None
    FINISHED_ONLY = args.finished_only
    # tabulating reads only: it does not wait for a run another process
    # holds
    lock = (lambda _: nullcontext()) if FINISHED_ONLY \
        else run_lock
    missing: List[str] = []
    ENV.update(OMP_NUM_THREADS=str(args.threads),
               MKL_NUM_THREADS=str(args.threads))
    start = time.time()
    # the code the runs start with (a commit made while they run is not
    # theirs)
    started = provenance()
    work_root = osp.abspath(args.work_dir)
    runs: Dict[str, Dict[object, Dict[str, float]]] = {}
    if args.stage0:
        vanilla = PAIRS[args.tracker][0]
        name = 'stage0_' + osp.splitext(osp.basename(vanilla))[0].replace(
            'vanilla_', '')
        work_dir = osp.join(work_root, name)
        print(f'== {name} -> {work_dir}', flush=True)
        opts = dict(args.cfg_options)

        def stage0() -> Dict[str, float]:
            with lock(work_dir):
                return test_stage0(vanilla, work_dir, opts)
        try:
            runs[name] = {STAGE0: from_ledger_or_run(
                name, STAGE0, work_dir, run_signature(vanilla, opts),
                stage0)}
            print(one_line(name, '(stage 0)', runs[name][STAGE0]),
                  flush=True)
        except NotFinished as err:
            missing.append(str(err))
            print(f'  not finished: {err}', flush=True)
    pair = list(PAIRS[args.tracker])
    if args.deepmot_config:
        if not osp.isfile(osp.join(ROOT, args.deepmot_config)):
            parser.error(f'--deepmot-config {args.deepmot_config}: no such '
                         'file')
        pair[1] = args.deepmot_config
    names = {c: osp.splitext(osp.basename(c))[0] for c in pair}
    runs.update({name: {} for name in names.values()})
    # seed by seed, so that an interrupted comparison has whole pairs
    for seed in args.seeds:
        for config, name in names.items():
            work_dir = osp.join(work_root, f'{name}_seed{seed}')
            print(f'== {name}, seed {seed} -> {work_dir}', flush=True)
            opts = dict(args.cfg_options)

            def trained(config=config, seed=seed, work_dir=work_dir,
                        opts=opts) -> Dict[str, float]:
                with lock(work_dir):
                    return train_and_test(config, seed, work_dir, opts)
            try:
                runs[name][seed] = from_ledger_or_run(
                    name, seed, work_dir, run_signature(config, opts, seed),
                    trained)
            except NotFinished as err:
                missing.append(str(err))
                print(f'  not finished: {err}', flush=True)
                continue
            print(one_line(name, f'seed {seed}', runs[name][seed]),
                  flush=True)
    # the seeds whose two twins are both done (all of them unless
    # --finished-only left some out)
    seeds = [s for s in args.seeds
             if all(s in runs[n] for n in names.values())]
    if not seeds:
        raise SystemExit('error: no seed has both twins finished')
    text = table(runs, seeds)
    print(text)
    os.makedirs(work_root, exist_ok=True)
    stem = args.tracker if not args.deepmot_config else names[pair[1]]
    base = osp.join(work_root, f'{stem}_twins')
    with open(base + '.md', 'w') as f:
        f.write(text + '\n')
    for name in names.values():  # a twin's run whose pair is not done
        runs[name] = {k: v for k, v in runs[name].items() if k in seeds}
    record = dict(runs, provenance=dict(started, threads=args.threads,
                                        checkpoints=CHOSEN,
                                        test_commits=RUN_COMMITS))
    if missing:
        record['provenance']['not_finished'] = missing
    with open(base + '.json', 'w') as f:
        json.dump(record, f, indent=2)
    print(f'written {base}.md and .json; {time.time() - start:.0f} s')


if __name__ == '__main__':
    main()
