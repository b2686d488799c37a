"""Strip an mmengine training checkpoint down to what ``load_from`` needs:
the model's weights and a note of where they came from (no optimizer, no
scheduler, no message hub), as MMDetection's publish_model does.

    .venv/bin/python tools/publish_model.py work_dirs/x/iter_2000.pth \
        checkpoints/x.pth [--note "trained with configs/..."]
"""
import argparse
import hashlib
import os

from _env_guard import require_mmdeepmot

require_mmdeepmot()

import torch  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('checkpoint', help='mmengine checkpoint')
    parser.add_argument('out', help='output .pth')
    parser.add_argument('--note', help='free text recorded in meta')
    args = parser.parse_args()
    ckpt = torch.load(args.checkpoint, map_location='cpu',
                      weights_only=False)
    if 'state_dict' not in ckpt:
        raise KeyError(f'{args.checkpoint} has no state_dict')
    src = ckpt.get('meta', {})
    meta = {k: src[k] for k in ('iter', 'epoch', 'seed', 'cfg',
                                'experiment_name', 'mmengine_version')
            if k in src}
    meta.update(source=os.path.basename(args.checkpoint), note=args.note)
    out = dict(state_dict=ckpt['state_dict'], meta=meta)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    torch.save(out, args.out)
    digest = hashlib.sha256(open(args.out, 'rb').read()).hexdigest()[:8]
    size = os.path.getsize(args.out) / 2**20
    print(f'wrote {args.out} ({size:.1f} MiB, sha256 {digest})')


if __name__ == '__main__':
    main()
