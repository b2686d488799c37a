"""Train a model from an OpenMMLab config with mmengine's Runner."""
import argparse
import os
import sys

from _env_guard import require_mmdeepmot

require_mmdeepmot()

from mmengine.config import DictAction  # noqa: E402

from mmdeepmot.apis import build_runner, check_config_paths  # noqa: E402


def parse_args() -> argparse.Namespace:
    """Command-line options, as in MMTracking's tools/train.py."""
    parser = argparse.ArgumentParser(description='Train a model')
    parser.add_argument('config', help='train config file path')
    parser.add_argument('--work-dir', help='where logs and checkpoints go')
    parser.add_argument(
        '--amp', action='store_true', help='automatic mixed precision')
    parser.add_argument(
        '--resume',
        nargs='?',
        const='auto',
        default=None,
        help='resume from the latest checkpoint in the work dir, or from '
        'the given checkpoint')
    parser.add_argument(
        '--cfg-options',
        nargs='+',
        action=DictAction,
        help='override config settings, key=value (e.g. '
        'train_cfg.max_iters=10)')
    parser.add_argument(
        '--launcher',
        choices=['none', 'pytorch', 'slurm', 'mpi'],
        default='none',
        help='job launcher')
    parser.add_argument('--local_rank', '--local-rank', type=int, default=0)
    args = parser.parse_args()
    os.environ.setdefault('LOCAL_RANK', str(args.local_rank))
    return args


def main() -> None:
    args = parse_args()
    runner = build_runner(
        args.config,
        work_dir=args.work_dir,
        cfg_options=args.cfg_options,
        launcher=args.launcher,
        amp=args.amp,
        resume=args.resume)
    loaders = ['train_dataloader'] + (
        ['val_dataloader'] if runner.cfg.get('val_cfg') else [])
    try:
        check_config_paths(runner.cfg, loaders)
    except FileNotFoundError as err:
        sys.exit(f'error: {err}')
    runner.train()


if __name__ == '__main__':
    main()
