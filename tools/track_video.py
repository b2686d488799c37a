"""Track a video with a tracker's own detector (no public detection file):
writes the MOTChallenge result file and the video with its tracks drawn.

    .venv/bin/python tools/track_video.py VIDEO CONFIG CHECKPOINT \\
        --out-dir DIR [--max-frames N] [--no-video] [--overwrite] \\
        [--speed-up]

Writes DIR/<video name>.txt and DIR/<video name>.mp4.
"""
import argparse
import os.path as osp

from _env_guard import require_mmdeepmot

require_mmdeepmot()

from mmengine.config import DictAction  # noqa: E402

from mmdeepmot.apis.video_tracking import open_video, track_video  # noqa


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('video')
    parser.add_argument('config')
    parser.add_argument('checkpoint')
    parser.add_argument('--out-dir', required=True)
    parser.add_argument('--max-frames', type=int)
    parser.add_argument('--no-video', action='store_true',
                        help='write the result file only')
    parser.add_argument('--device', default='cpu')
    parser.add_argument('--overwrite', action='store_true',
                        help='replace earlier outputs of this video')
    parser.add_argument('--speed-up', action='store_true',
                        help='fold batch norms and run backbones '
                        'channels-last (as tools/test.py --speed-up)')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction)
    args = parser.parse_args()
    name = osp.splitext(osp.basename(args.video))[0]
    out_txt = osp.join(args.out_dir, f'{name}.txt')
    out_video = None if args.no_video else \
        osp.join(args.out_dir, f'{name}.mp4')
    for path in (out_txt, out_video):
        if path and osp.exists(path) and not args.overwrite:
            parser.error(f'{path} exists; pass --overwrite to replace it')
    if not osp.isfile(args.checkpoint):
        parser.error(f'checkpoint {args.checkpoint}: no such file')
    try:
        open_video(args.video)[0].release()  # refuse before loading a model
    except (OSError, ValueError) as err:
        parser.exit(2, f'error: {err}\n')
    from mmtrack.apis import init_model
    from mmtrack.utils import register_all_modules
    register_all_modules(init_default_scope=True)
    model = init_model(args.config, args.checkpoint, device=args.device,
                       cfg_options=args.cfg_options)
    if args.speed_up:
        from mmdeepmot.models.utils import speed_up_inference
        speed_up_inference(model.eval())
    n = track_video(model, args.video, out_txt, out_video, args.max_frames)
    print(f'\ntracked {n} frames: {out_txt}' +
          (f', {out_video}' if out_video else ''))


if __name__ == '__main__':
    main()
