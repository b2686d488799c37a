"""Build an mmengine Runner from a config, the way our tools/ do."""
import logging
import os
import os.path as osp
from typing import List, Optional, Tuple, Union

from mmengine.config import Config
from mmengine.logging import print_log
from mmengine.registry import RUNNERS, DefaultScope
from mmengine.runner import Runner, find_latest_checkpoint

from ..engine.runner import CompatRunner
from ..utils.compat import cpu_set_device
from ..utils.config_moves import check_not_moved
from .pretrained import ALLOW_RANDOM, drop_unreachable_pretrained


def load_config(config: Union[str, Config],
                cfg_options: Optional[dict] = None) -> Config:
    """Load a config file (or copy a Config) and merge overrides into it;
    a former config path (``configs/moved.json``) is refused naming where
    it went."""
    if isinstance(config, str):
        check_not_moved(config)
        cfg = Config.fromfile(config)
    elif isinstance(config, Config):
        # the file name names the config the runner dumps to its work dir
        cfg = Config(config.to_dict(), filename=config.filename)
    else:
        cfg = Config(config)
    if cfg_options:
        cfg.merge_from_dict(cfg_options)
    return cfg


def _enable_amp(cfg: Config) -> None:
    wrapper = cfg.optim_wrapper.get('type', 'OptimWrapper')
    if wrapper == 'AmpOptimWrapper':
        print_log('AMP training is already enabled in the config.',
                  logger='current', level=logging.WARNING)
        return
    if wrapper != 'OptimWrapper':
        raise ValueError('--amp needs optim_wrapper.type=OptimWrapper, got '
                         f'{wrapper}')
    cfg.optim_wrapper.type = 'AmpOptimWrapper'
    cfg.optim_wrapper.loss_scale = 'dynamic'


def _set_results_dir(cfg: Config, results_dir: Optional[str]) -> None:
    for key in ('val_evaluator', 'test_evaluator'):
        evaluator = cfg.get(key)
        metrics = evaluator if isinstance(evaluator, list) else [evaluator]
        for metric in metrics:
            if not metric or metric.get('type') != 'MOTChallengeTableMetrics':
                continue
            if results_dir is not None:
                metric['results_dir'] = results_dir
            elif metric.get('results_dir') is None:
                metric['results_dir'] = osp.join(cfg.work_dir, 'results')


def _cpu_backend(cfg: Config) -> None:
    """On a machine without CUDA, processes talk over gloo (NCCL needs
    GPUs) and DDP wraps CPU modules (mmengine's default names a GPU)."""
    import torch
    if torch.cuda.is_available():
        return
    dist_cfg = cfg.setdefault('env_cfg', {}).setdefault('dist_cfg', {})
    if dist_cfg.get('backend', 'nccl') == 'nccl':
        dist_cfg['backend'] = 'gloo'
    if cfg.get('model_wrapper_cfg') is None:
        cfg.model_wrapper_cfg = dict(
            type='MMDistributedDataParallel',
            device_ids=None,
            broadcast_buffers=False,
            find_unused_parameters=cfg.get('find_unused_parameters', False))


def _log_every_rank(runner: Runner) -> None:
    """mmengine writes rank 0's log only; give every other rank a file of
    its own beside it (``<timestamp>_rank<r>.log``)."""
    from mmengine.dist import get_rank
    rank = get_rank()
    if rank == 0:
        return
    path = osp.join(runner.log_dir, f'{runner.timestamp}_rank{rank}.log')
    handler = logging.FileHandler(path, mode='w')
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(
        f'%(asctime)s - rank{rank} - %(levelname)s - %(message)s'))
    runner.logger.addHandler(handler)


def latest_checkpoint(work_dir: str) -> Optional[str]:
    """The checkpoint mmengine's ``last_checkpoint`` file names, found
    again in ``work_dir`` when the folder was moved or copied (the file
    holds an absolute path)."""
    if not osp.isdir(work_dir):
        return None
    latest = find_latest_checkpoint(work_dir)
    if latest is None or osp.isfile(latest):
        return latest
    moved = osp.join(work_dir, osp.basename(latest))
    if osp.isfile(moved):
        return moved
    raise FileNotFoundError(
        f'{osp.join(work_dir, "last_checkpoint")} names {latest}, which '
        f'exists neither there nor in {work_dir}')


def build_runner(config: Union[str, Config],
                 work_dir: Optional[str] = None,
                 cfg_options: Optional[dict] = None,
                 launcher: str = 'none',
                 amp: bool = False,
                 resume: Optional[str] = None,
                 checkpoint: Optional[str] = None,
                 results_dir: Optional[str] = None) -> Runner:
    """Runner for ``config`` with the tools' command-line overrides.

    Args:
        work_dir: CLI > config > ``work_dirs/<config name>``.
        resume: ``'auto'`` resumes from the latest checkpoint in the work
            dir (and starts from ``load_from`` when there is none yet); a
            path resumes from that checkpoint.
        checkpoint: weights to load for testing.
        results_dir: folder for MOTChallenge result files of every
            ``MOTChallengeTableMetrics`` evaluator; CLI > config >
            ``<work_dir>/results``.
    """
    from mmtrack.utils import register_all_modules

    # the runner sets the default scope itself from the config
    register_all_modules(init_default_scope=False)
    cfg = load_config(config, cfg_options)
    cfg.launcher = launcher
    if work_dir is not None:
        cfg.work_dir = work_dir
    elif cfg.get('work_dir') is None:
        # a Config keeps its file's name (load_config)
        name = osp.splitext(osp.basename(cfg.filename))[0] \
            if cfg.filename else 'default'
        cfg.work_dir = osp.join('./work_dirs', name)
    if amp:
        _enable_amp(cfg)
    if resume == 'auto':
        latest = latest_checkpoint(cfg.work_dir)
        if latest is None:
            # mmengine would then start from nothing, dropping load_from
            print_log(f'--resume: no checkpoint in {cfg.work_dir} yet, '
                      f'starting from load_from={cfg.get("load_from")}',
                      logger='current', level=logging.WARNING)
        else:
            cfg.resume = True
            cfg.load_from = latest
    elif resume:
        cfg.resume = True
        cfg.load_from = resume
    if checkpoint is not None:
        cfg.load_from = checkpoint
    _set_results_dir(cfg, results_dir)
    # published weights a recipe names by URL are refused where they
    # cannot be had (no network, nothing cached), unless the config allows
    # a random start; a test's checkpoint replaces them all anyway
    allow_random = bool(cfg.pop(ALLOW_RANDOM, False))
    unreachable = [] if checkpoint else drop_unreachable_pretrained(
        cfg.model, allow_random=allow_random)
    if launcher != 'none':
        _cpu_backend(cfg)
    runner_cls = CompatRunner
    if 'runner_type' in cfg:
        # looked up in the config's scope (ours are registered in
        # MMTracking's); only the lookup, as the runner sets its own scope
        with DefaultScope.overwrite_default_scope(cfg.get('default_scope')):
            runner_cls = RUNNERS.get(cfg.runner_type)
        if runner_cls is None:
            raise KeyError(f'runner_type={cfg.runner_type!r} is not a '
                           'registered runner')
    with cpu_set_device():
        runner = runner_cls.from_cfg(cfg)
    for message in unreachable:
        runner.logger.warning(message)
    if launcher != 'none':
        _log_every_rank(runner)
    return runner


def checkpoint_fit(model, ckpt: dict) -> Tuple[List[str], List[str]]:
    """Weights of ``model`` the checkpoint lacks, and checkpoint weights
    ``model`` has no place for (``module.`` prefixes dropped, as mmengine
    loads them)."""
    state = ckpt.get('state_dict', ckpt)
    have = {k[len('module.'):] if k.startswith('module.') else k
            for k in state}
    want = set(model.state_dict())
    return sorted(want - have), sorted(have - want)


def _where_it_exists(cfg: Config, path: str) -> Optional[str]:
    """The nearest folder above ``cfg``'s file from which the relative
    ``path`` exists (a checkout's root, for its ``configs/...``)."""
    if not cfg.filename:
        return None
    folder = osp.dirname(osp.abspath(cfg.filename))
    while True:
        if osp.exists(osp.join(folder, path)):
            return folder
        parent = osp.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def check_config_paths(cfg: Config, loaders: List[str]) -> None:
    """Refuse relative data and weight paths of ``cfg`` that do not exist
    from the working directory, saying where they do: the configs of a
    checkout name ``data/...`` and ``checkpoints/...`` from its root.

    Args:
        cfg (Config): the built config.
        loaders (list[str]): the loaders the tool will use
            (``train_dataloader``, ``test_dataloader``, ...).
    """
    paths = []
    for name in loaders:
        dataset = (cfg.get(name) or {}).get('dataset') or {}
        if dataset.get('data_root'):
            paths.append((f'{name}.dataset.data_root', dataset.data_root))
    if cfg.get('load_from') and not cfg.get('resume'):
        paths.append(('load_from', cfg.load_from))
    for key, path in paths:
        if '://' in path or osp.isabs(path) or osp.exists(path):
            continue
        hint = ''
        root = _where_it_exists(cfg, path)
        if root is not None:
            hint = (f'; it does from {root} (above the config): run from '
                    'there or pass an absolute path')
        raise FileNotFoundError(f'{key}={path!r} does not exist relative to '
                                f'the working directory {os.getcwd()}{hint}')
