"""Turn a DHN training checkpoint into the compact file load_dhn() reads."""
import argparse
import json

from _env_guard import require_mmdeepmot

require_mmdeepmot()

from mmdeepmot import apis  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('checkpoint',
                        help='mmengine checkpoint of SupervisedDHN')
    parser.add_argument('out', help='output .pth')
    parser.add_argument('--config', help='config name to record')
    parser.add_argument(
        '--metrics', help='JSON of the validation figures to record')
    args = parser.parse_args()
    cfg, _, src_meta = apis.read_dhn_checkpoint(args.checkpoint)
    dhn = apis.load_dhn(args.checkpoint)
    meta = dict(
        source=args.checkpoint,
        iter=src_meta.get('iter'),
        config=args.config,
        metrics=json.loads(args.metrics) if args.metrics else None)
    apis.save_dhn(dhn, cfg, args.out, meta)
    print(f'wrote {args.out}')


if __name__ == '__main__':
    main()
