"""Decode a video into a MOTChallenge sequence folder, with its labels.

    .venv/bin/python tools/video2mot.py VIDEO OUT_SEQ_DIR [--gt FILE] \\
        [--det FILE] [--seqinfo FILE] [--scale S] [--name NAME] [--overwrite]

Writes OUT_SEQ_DIR/{img1/000001.jpg..., seqinfo.ini, gt/gt.txt,
det/det.txt} (boxes scaled with the frames). A video whose frame count or
size disagrees with --seqinfo, or labels naming frames past its end, are
refused; a killed run leaves no OUT_SEQ_DIR. Then convert the tree holding
it (e.g. data/PETS09 with train/PETS09-S2L1) with tools/mot2cocovid.py.
"""
import argparse
import sys

from _env_guard import require_mmdeepmot

require_mmdeepmot()

from mmdeepmot.data_prep import video_to_mot as video  # noqa: E402
from mmdeepmot.datasets.mot_challenge_io import MOTFormatError  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('video', help='e.g. ../shared/data/PETS09-S2L1/'
                        'vtest.avi')
    parser.add_argument('out', help='sequence folder to write, e.g. '
                        'data/PETS09/train/PETS09-S2L1')
    parser.add_argument('--gt', help='gt.txt (MOT15 or MOT16/17 columns)')
    parser.add_argument('--det', help='det.txt (public detections)')
    parser.add_argument('--seqinfo', help='seqinfo.ini to check the video '
                        'against (frame count, size) and keep (name, fps)')
    parser.add_argument('--scale', type=float, default=1.0,
                        help='frame size relative to the video (1)')
    parser.add_argument('--name', help='sequence name (default: seqinfo '
                        'name, else the folder name)')
    parser.add_argument('--jpeg-quality', type=int, default=95)
    parser.add_argument('--overwrite', action='store_true',
                        help='replace an earlier video2mot output in OUT')
    args = parser.parse_args()
    try:
        record = video.video_to_mot(
            args.video, args.out,
            video.VideoLabels(gt=args.gt, det=args.det, seqinfo=args.seqinfo),
            scale=args.scale, name=args.name,
            jpeg_quality=args.jpeg_quality, overwrite=args.overwrite)
    except (MOTFormatError, FileNotFoundError, FileExistsError,
            ValueError) as err:
        sys.exit(f'error: {err}')
    print(f'wrote {record["frames"]} frames of {record["size"][0]}x'
          f'{record["size"][1]} to {args.out} in {record["seconds"]:.1f} s')


if __name__ == '__main__':
    main()
