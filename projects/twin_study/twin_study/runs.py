"""One run of a comparison: trained with tools/train.py until its last
iteration (a killed one resumed, a finished one reused), tested with
tools/test.py on the checkpoint its config kept, its figures cached in its
folder and, with a ledger, beyond it. ``RunContext`` holds what every run
of a comparison shares (the checkout, the environment and thread count,
the console mode, the ledger) and what it learns (the checkpoint and
commit of each run)."""
import fcntl
import glob
import hashlib
import json
import os
import os.path as osp
import re
import subprocess
import sys
from collections import deque
from contextlib import contextmanager, nullcontext
from typing import Dict, Iterator, List, Optional, Sequence

import torch
from mmengine.config import Config

from mmdeepmot.evaluation import trackeval_mot
from mmdeepmot.visualization import read_validation, scalar_files
from .ledger import Ledger

# the checkout the study runs in: its tools/ and configs/
CHECKOUT = osp.dirname(
    osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__)))))
SUMMARY = trackeval_mot.SUMMARY
# what a trained run depends on (with the model less its test-time
# options): a run folder trained under other values is not reused
TRAINING_KEYS = ('model', 'load_from', 'randomness', 'train_dataloader',
                 'train_cfg', 'optim_wrapper', 'param_scheduler',
                 'custom_hooks', 'val_dataloader', 'val_evaluator')
# mmengine's loop lines: "Iter(train) [ 150/600]", "Epoch(test) [807/807]",
# and a training's validation "Epoch(val) [0][ 50/663]" (not shown)
PROGRESS = re.compile(
    r'(?:Iter|Epoch)\((train|test|val)\) *(?:\[\d+\])?\[ *(\d+)/(\d+)\]')


class NotFinished(Exception):
    """A run --finished-only cannot tabulate: not trained or tested yet."""


def _bar(label: str, done: int, total: int, width: int = 30) -> str:
    filled = width * done // max(total, 1)
    # padded: a shorter bar must hide the longer one it overwrites
    return (f'\r  {label:<6} [{"#" * filled}{"." * (width - filled)}] '
            f'{done}/{total}').ljust(60)


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
    parts = {
        k: cfg.to_dict().get(k)
        for k in ('model', f'{split}_dataloader', f'{split}_evaluator',
                  'test_cfg')
    }
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


def seeded(opts: Dict[str, object], seed: int) -> Dict[str, object]:
    """``opts`` with the run's seed, as a run is trained under them."""
    return dict(opts, **{'randomness.seed': seed})


def _training_part(cfg: Config) -> Dict[str, object]:
    """What a trained run depends on: the ``TRAINING_KEYS`` of ``cfg``
    less the test-time options (a run is tested again under new ones, not
    trained again) and where result files go."""

    def strip(node):
        if isinstance(node, dict):
            return {
                k: strip(v)
                for k, v in node.items()
                if k not in ('tracker', 'test_cfg', 'results_dir')
            }
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
    one name. A folder without a dumped config has nothing to compare but
    its checkpoints' seed (a folder trained outside the study, by hand).

    Raises:
        SystemExit: naming the folder, its dumped config and the keys that
            differ, or the checkpoint of another seed.
    """
    check_seed(run_opts.get('randomness.seed'), work_dir)
    # the runner dumps its config in every start's <timestamp>/vis_data;
    # the oldest is the training's first (a resumed one reads load_from
    # from its checkpoint, a test from the kept one)
    dumps = sorted(glob.glob(osp.join(work_dir, '*', 'vis_data', 'config.py')))
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


def check_seed(seed: Optional[int], work_dir: str) -> None:
    """Refuse a run folder whose first checkpoint was trained under
    another seed than ``seed`` (mmengine records it in the meta).

    Raises:
        SystemExit: naming the checkpoint and both seeds.
    """
    ckpts = sorted(glob.glob(osp.join(work_dir, 'iter_*.pth')),
                   key=lambda p: int(re.findall(r'\d+', osp.basename(p))[0]))
    if seed is None or not ckpts:
        return
    meta = torch.load(ckpts[0], map_location='cpu',
                      weights_only=False).get('meta') or {}
    if meta.get('seed') is not None and meta['seed'] != seed:
        raise SystemExit(
            f'error: {ckpts[0]} was trained with seed {meta["seed"]}, not '
            f'{seed}; move {work_dir} away or use another --work-dir')


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


class RunContext:
    """What the runs of one comparison share, and what they record.

    Args:
        threads (int): CPU threads of every run (``OMP_NUM_THREADS``,
            ``MKL_NUM_THREADS``): the runs' float summation order depends
            on it (toy Tracktor seed 0, vanilla twin: MOTA 41.3 on 1
            thread, 41.9 on 2), so it is pinned and recorded with the
            figures.
        verbose (bool): stream the tools' output instead of a progress
            bar. Defaults to False.
        finished_only (bool): train and test nothing (``NotFinished`` for
            a run not done). Defaults to False.
        ledger (str, optional): the ledger file. Defaults to None.
        root (str): the checkout whose tools and configs run. Defaults to
            the one holding this project.
    """

    def __init__(self,
                 threads: int,
                 verbose: bool = False,
                 finished_only: bool = False,
                 ledger: Optional[str] = None,
                 root: str = CHECKOUT) -> None:
        self.root = root
        self.verbose = verbose
        self.finished_only = finished_only
        self.ledger = Ledger(osp.abspath(ledger)) if ledger else None
        self.env = dict(os.environ,
                        OMP_NUM_THREADS=str(threads),
                        MKL_NUM_THREADS=str(threads))
        # run folder -> the checkpoint its test used, for the provenance
        self.chosen: Dict[str, str] = {}
        # run folder -> the commit its test ran at (tools/test.py records
        # it): a comparison resumed at another commit says whose runs are
        # whose
        self.run_commits: Dict[str, Optional[str]] = {}

    def lock(self, work_dir: str):
        """``run_lock(work_dir)``; nothing to wait for when only
        tabulating (it reads only)."""
        return nullcontext() if self.finished_only else run_lock(work_dir)

    def run_logged(self, cmd: Sequence[str], log_path: str,
                   label: str) -> None:
        """Run a tool with its output written to ``log_path``; the console
        shows a progress bar of the iterations it logs. A failure prints the
        log's last lines and exits naming the log.

        Args:
            cmd (Sequence[str]): the command.
            log_path (str): where its stdout and stderr go (appended: a resumed
                run keeps the killed one's lines).
            label (str): the bar's name (``train``, ``test``).
        """
        if self.verbose:
            subprocess.run(cmd, check=True, cwd=self.root, env=self.env)
            return
        os.makedirs(osp.dirname(log_path), exist_ok=True)
        tail: deque = deque(maxlen=30)
        shown = ''
        with open(log_path, 'a') as log:
            log.write(f'$ {" ".join(cmd)}\n')
            log.flush()
            proc = subprocess.Popen(cmd,
                                    cwd=self.root,
                                    env=self.env,
                                    text=True,
                                    stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT)
            for line in proc.stdout:
                log.write(line)
                log.flush()  # the log can be followed while the run goes
                tail.append(line)
                m = PROGRESS.search(line)
                # tools/test.py runs a test loop whichever split it evaluates
                if m and m.group(1) == ('train'
                                        if label == 'train' else 'test'):
                    shown = _bar(label, int(m.group(2)), int(m.group(3)))
                    print(shown, end='', flush=True)
            code = proc.wait()
        if shown:
            print(flush=True)
        if code:
            sys.stderr.write(''.join(tail))
            raise SystemExit(
                f'error: {label} failed (exit {code}); its output '
                f'is in {log_path}')

    def train_run(self, config: str, cfg: Config, seed: int, work_dir: str,
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
                int(i)
                for i, _ in validation_curve(work_dir)
        }):
            return final
        cmd = [
            sys.executable,
            osp.join(self.root, 'tools', 'train.py'), config, '--work-dir',
            work_dir
        ]
        # what mmengine's resume reads (its find_latest_checkpoint would print
        # a line on the console for every run not started yet)
        if osp.isfile(osp.join(work_dir, 'last_checkpoint')):
            cmd.append('--resume')
        self.run_logged(cmd + _options(run_opts),
                        osp.join(work_dir, 'train.log'), 'train')
        return final

    def test_once(self,
                  config: str,
                  cfg: Config,
                  checkpoint: str,
                  work_dir: str,
                  opts: Dict[str, object],
                  split: str = 'test') -> Dict[str, float]:
        """Overall metrics of ``checkpoint`` on ``split`` (``'test'``, or
        ``'val'``: the data checkpoints are chosen on); computed again only
        when they are older than it or were computed under another
        signature. Files: ``{split}_metrics.json``, ``{split}.log``."""
        metrics_file = osp.join(work_dir, f'{split}_metrics.json')
        signature_file = osp.join(work_dir, f'{split}_signature.txt')
        signature = test_signature(cfg, split)
        weights = osp.join(self.root, checkpoint)  # unchanged when absolute
        stale = not osp.isfile(metrics_file) or \
            osp.getmtime(metrics_file) < osp.getmtime(weights) or \
            _read(signature_file) != signature
        if stale and self.finished_only:
            raise NotFinished(f'{work_dir} has no {split} metrics of '
                              f'{osp.basename(checkpoint)} yet')
        if stale:
            results = 'results' if split == 'test' else f'{split}_results'
            self.run_logged([
                sys.executable,
                osp.join(self.root, 'tools', 'test.py'), config,
                '--checkpoint', checkpoint, '--work-dir', work_dir, '--json',
                metrics_file, '--results-dir',
                osp.join(work_dir, results), '--split', split, *_options(opts)
            ], osp.join(work_dir, f'{split}.log'), split)
            with open(signature_file, 'w') as f:
                f.write(signature)
        with open(metrics_file) as f:
            record = json.load(f)
        if split == 'test':
            self.run_commits[osp.basename(work_dir)] = record.get('commit')
        return record['overall']

    def test_stage0(self, config: str, work_dir: str,
                    opts: Dict[str, object]) -> Dict[str, float]:
        """Test the weights a twin starts from (its config's ``load_from``);
        when the config validates, they are also evaluated on its validation
        data (``val_metrics.json``: the start of the validation curves)."""
        cfg = Config.fromfile(osp.join(self.root, config))
        cfg.merge_from_dict(opts)
        if not cfg.get('load_from'):
            raise ValueError(f'{config} has no load_from: no stage 0 to test')
        # as the config names it (tests run from the repository root), so the
        # recorded command does not carry this machine's paths
        if validates(cfg):
            self.test_once(config,
                           cfg,
                           cfg.load_from,
                           work_dir,
                           opts,
                           split='val')
        return self.test_once(config, cfg, cfg.load_from, work_dir, opts)

    def train_and_test(self, config: str, seed: int, work_dir: str,
                       opts: Dict[str, object]) -> Dict[str, float]:
        """Train (or finish training) one run, test its chosen checkpoint
        (``tested_checkpoint``, recorded in ``self.chosen``)."""
        cfg = Config.fromfile(osp.join(self.root, config))
        cfg.merge_from_dict(opts)
        final = osp.join(work_dir, f'iter_{cfg.train_cfg.max_iters}.pth')
        if self.finished_only and not osp.isfile(final):
            raise NotFinished(f'{work_dir} is not trained')
        self.train_run(config, cfg, seed, work_dir, opts)
        checkpoint = tested_checkpoint(work_dir, final)
        self.chosen.setdefault(osp.basename(work_dir),
                               osp.basename(checkpoint))
        return self.test_once(config, cfg, checkpoint, work_dir, opts)

    def from_ledger_or_run(self, name: str, seed: object, work_dir: str,
                           signature: str, run) -> Dict[str, float]:
        """The metrics of one run: from the ledger (``--ledger``) when it
        holds them under ``signature``, else ``run()``'s, which are then added
        to the ledger."""
        folder = osp.basename(work_dir)
        if self.ledger:
            record = self.ledger.read()
            metrics = Ledger.lookup(record, name, seed, folder, signature)
            if metrics is not None:
                prov = record['provenance']
                if folder in prov['checkpoints']:
                    self.chosen.setdefault(folder, prov['checkpoints'][folder])
                self.run_commits[folder] = prov['test_commits'].get(folder)
                print(f'  from the ledger {self.ledger.path}', flush=True)
                return metrics
            if Ledger.stale_entry(record, folder, signature):
                print(
                    f'  the ledger holds {folder} under another config: run '
                    'again, its entry replaced',
                    flush=True)
        metrics = run()
        if self.ledger:
            self.ledger.add(name, seed, folder, metrics, signature,
                            self.chosen.get(folder),
                            self.run_commits.get(folder),
                            validation_curve(work_dir))
        return metrics

    def run_signature(self,
                      config: str,
                      opts: Dict[str, object],
                      seed: Optional[int] = None) -> str:
        """Hash of what a run's figures depend on: its training config
        with ``opts`` and ``seed`` (for the stage-0 run, seed None, only
        the weights it reads), its test config and the thread count. Keys
        a ledger entry."""
        cfg = Config.fromfile(osp.join(self.root, config))
        cfg.merge_from_dict(opts)
        if seed is None:
            trained = dict(load_from=cfg.get('load_from'))
        else:
            cfg.merge_from_dict(seeded({}, seed))
            trained = _training_part(cfg)
        text = json.dumps(dict(trained=trained,
                               test=test_signature(cfg),
                               threads=self.env.get('OMP_NUM_THREADS')),
                          sort_keys=True,
                          default=str)
        return hashlib.sha1(text.encode()).hexdigest()
