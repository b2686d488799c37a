"""Test (and evaluate) a model from an OpenMMLab config."""
import argparse
import json
import os
import sys

from _env_guard import require_mmdeepmot

require_mmdeepmot()

from mmengine.config import Config, DictAction  # noqa: E402

from mmdeepmot import apis  # noqa: E402
from mmdeepmot.utils import provenance  # noqa: E402


def parse_args() -> argparse.Namespace:
    """Command-line options, as in MMTracking's tools/test.py."""
    parser = argparse.ArgumentParser(description='Test and evaluate a model')
    parser.add_argument('config', help='test config file path')
    parser.add_argument('--checkpoint', help='checkpoint file')
    parser.add_argument('--work-dir', help='where logs and metrics go')
    parser.add_argument(
        '--results-dir',
        help='where MOTChallenge result files (SEQ.txt) go; default '
        '<work_dir>/results for MOTChallengeTableMetrics evaluators')
    parser.add_argument(
        '--json',
        help='write the metrics here (and, for MOTChallengeTableMetrics, '
        'the per-sequence figures)')
    parser.add_argument(
        '--split',
        choices=('test', 'val'),
        default='test',
        help="evaluate on the config's test_dataloader and test_evaluator "
        '(default) or on its val_dataloader and val_evaluator (the data '
        'checkpoints are chosen on)')
    parser.add_argument(
        '--cfg-options',
        nargs='+',
        action=DictAction,
        help='override config settings, key=value')
    parser.add_argument(
        '--speed-up',
        action='store_true',
        help='fold batch norms into convolutions and run backbones, necks '
        'and ReID models channels-last (InferenceSpeedupHook): the same '
        'outputs up to float rounding, faster on CPUs')
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
    config = apis.load_config(args.config, args.cfg_options)
    if args.split == 'val':
        config = val_as_test(args.config, config)
    if args.speed_up:
        config.custom_hooks = list(config.get('custom_hooks', [])) + [
            dict(type='InferenceSpeedupHook')
        ]
    runner = apis.build_runner(
        config,
        work_dir=args.work_dir,
        launcher=args.launcher,
        checkpoint=args.checkpoint,
        results_dir=args.results_dir)
    check_weights(runner, args)
    try:
        apis.check_config_paths(runner.cfg, ['test_dataloader'])
    except FileNotFoundError as err:
        sys.exit(f'error: {err}')
    metrics = runner.test()
    if args.json:
        write_metrics(args.json, metrics, runner)


def val_as_test(config: str, cfg: Config) -> Config:
    """``cfg`` (loaded from ``config``) with its validation data and
    evaluator in the test's place; a config without them exits naming
    it."""
    missing = [k for k in ('val_dataloader', 'val_evaluator')
               if not cfg.get(k)]
    if missing:
        sys.exit(f'error: --split val: {config} has no {" / ".join(missing)}')
    cfg.test_dataloader = cfg.val_dataloader
    cfg.test_evaluator = cfg.val_evaluator
    return cfg


def check_weights(runner, args: argparse.Namespace) -> None:
    """Say which weights are tested; refuse a file that cannot be read or
    does not fit the model (another model's checkpoint would be tested with
    random weights in its place, mmengine only warns)."""
    path = runner.cfg.get('load_from')
    if args.checkpoint is None:
        print('no --checkpoint: testing ' + (
            f"the config's load_from={path}" if path else
            'the model as built, untrained (the config has no load_from)'))
    if not path:
        return
    try:
        ckpt = apis.read_checkpoint(path)
    except (OSError, RuntimeError) as err:
        sys.exit(f'error: {err}')
    missing, unexpected = apis.checkpoint_fit(runner.model, ckpt)
    if missing:
        total = len(runner.model.state_dict())
        sys.exit(
            f'error: {path} does not fit {args.config}: {len(missing)} of '
            f'{total} weights of {type(runner.model).__name__} are not in '
            f'it (e.g. {missing[:3]}), {len(unexpected)} of its weights '
            f'have no place in the model (e.g. {unexpected[:3]}); is it '
            "another model's checkpoint?")


def write_metrics(path: str, metrics: dict, runner) -> None:
    """Overall metrics (prefix dropped) and any per-sequence table."""
    out = dict(overall={k.split('/')[-1]: float(v)
                        for k, v in metrics.items()})
    for metric in runner.test_evaluator.metrics:
        if getattr(metric, 'per_sequence', None):
            out['sequences'] = metric.per_sequence
    out.update(provenance())
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, 'w') as f:
        json.dump(out, f, indent=2)
    print(f'metrics written to {path}')


if __name__ == '__main__':
    main()
