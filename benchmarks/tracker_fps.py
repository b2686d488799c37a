"""Frames per second of a tracker on one split of a MOTChallenge-layout
set, at several input sizes and thread counts, with its figures at each
size; optionally the Kalman tracker on the same public detections.

    .venv/bin/python benchmarks/tracker_fps.py OUT.json \\
        --config configs/deepmot_tracktor/\\
deepmot_tracktor_mbv2-fpn_1xb2-clip3-600it_pets09.py \\
        --checkpoint work_dirs/.../best.pth --split half-val \\
        --scales 640 480 --threads 2 1 [--speed-up off on] \\
        [--kalman data/PETS09/train --kalman-options score_scale=100 ...]

``model fps`` counts the model's test step (detector, tracker, ReID) per
frame; ``pipeline fps`` also counts reading and resizing the frames and the
data loader. ``--speed-up on`` times the model as ``tools/test.py
--speed-up`` runs it (batch norms folded, backbones channels-last: the same
outputs up to float rounding). The Kalman tracker reads no image (public
boxes only).
"""
import argparse
import os.path as osp
import sys
import time

sys.path.insert(0, osp.join(osp.dirname(osp.dirname(osp.abspath(
    __file__))), 'tools'))
from _env_guard import require_mmdeepmot  # noqa: E402

require_mmdeepmot()

import torch  # noqa: E402

from mmdeepmot.apis import tracker_search  # noqa: E402
from mmdeepmot.apis import build_runner, load_config  # noqa: E402
from mmdeepmot.utils import split_assignment  # noqa: E402
from mmdeepmot.utils import write_result_json  # noqa: E402


def _set_scale(cfg, scale: int) -> None:
    """The test pipeline's ``Resize`` to fit ``scale`` x ``scale``; one is
    put after the annotations where the pipeline has none (SiamRPN reads
    whole frames: its boxes then follow the frame's scale factor)."""
    pipeline = cfg.test_dataloader.dataset.pipeline
    for step in pipeline:
        if step['type'] in ('Resize', 'mmdet.Resize'):
            step['scale'] = (scale, scale)
            return
    loads = [i for i, step in enumerate(pipeline)
             if step['type'] in ('LoadTrackAnnotations',
                                 'mmtrack.LoadTrackAnnotations')]
    if not loads:
        raise ValueError('the test pipeline has neither a Resize nor a '
                         'LoadTrackAnnotations to set --scales after')
    pipeline.insert(loads[0] + 1, dict(type='mmdet.Resize',
                                       scale=(scale, scale), keep_ratio=True))


def time_tracker(config: str, checkpoint: str, split: str, scale: int,
                 threads: int, work_dir: str, speed_up: bool = False) -> dict:
    """One timed test run: frames per second and the split's figures."""
    torch.set_num_threads(threads)
    cfg = load_config(config)
    tracker_search.use_split(cfg, split)
    _set_scale(cfg, scale)
    if speed_up:
        cfg.custom_hooks = list(cfg.get('custom_hooks', [])) + [
            dict(type='InferenceSpeedupHook')
        ]
    cfg.test_dataloader.num_workers = 0  # the loader's time is counted
    cfg.test_dataloader.persistent_workers = False
    runner = build_runner(cfg, work_dir=work_dir, checkpoint=checkpoint)
    model = runner.model
    step_times, step_ends = [], []
    test_step = model.test_step

    def timed(data):
        start = time.perf_counter()
        out = test_step(data)
        step_ends.append(time.perf_counter())
        step_times.append(step_ends[-1] - start)
        return out

    model.test_step = timed
    start = time.perf_counter()
    metrics = runner.test()
    wall = time.perf_counter() - start
    frames = len(step_times)
    # from the first frame's end to the last's: frames 2..N read, resized
    # and tracked (start-up and TrackEval's scoring left out)
    return dict(scale=scale, threads=threads, speed_up=speed_up,
                frames=frames,
                model_fps=frames / sum(step_times),
                pipeline_fps=(frames - 1) / (step_ends[-1] - step_ends[0]),
                wall_s_with_eval=wall,
                metrics={k.split('/')[-1]: float(v)
                         for k, v in metrics.items()})


def time_kalman(split_dir: str, subset: str, options: dict, threads: int,
                out: str) -> dict:
    """The Kalman tracker on the public detections: frames per second."""
    from mmdeepmot.baselines import public_tracking
    from mmdeepmot.datasets import mot_challenge_io as mot_io
    torch.set_num_threads(threads)
    start = time.perf_counter()
    seqs = public_tracking.track_split(split_dir, out, 'kalman', subset,
                                       options)
    elapsed = time.perf_counter() - start
    frames = sum(len(mot_io.subset_frames(subset, int(mot_io.read_seqinfo(
        osp.join(split_dir, s))['seqLength']))) for s in seqs)
    _, overall, _ = public_tracking.score_split(split_dir, out, seqs, subset)
    return dict(threads=threads, frames=frames, model_fps=frames / elapsed,
                metrics=overall)


def _value(text: str):
    try:
        return float(text)
    except ValueError:
        return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out', help='result JSON')
    parser.add_argument('--config', required=True)
    parser.add_argument('--checkpoint', required=True)
    parser.add_argument('--split', default='half-val')
    parser.add_argument('--scales', type=int, nargs='+', default=[640])
    parser.add_argument('--threads', type=int, nargs='+', default=[2, 1])
    parser.add_argument('--speed-up', nargs='+', choices=('off', 'on'),
                        default=['off'],
                        help='time the model as it is (off) and/or with '
                        "tools/test.py's --speed-up (on)")
    parser.add_argument('--work-dir', default='work_dirs/tracker_fps')
    parser.add_argument('--kalman', metavar='SPLIT_DIR',
                        help='also time the Kalman tracker on this folder')
    parser.add_argument('--kalman-options', nargs='*', default=[],
                        help='KEY=VALUE options of the Kalman tracker')
    args = parser.parse_args()
    rows = []
    runs = [(scale, threads, mode) for scale in args.scales
            for mode in args.speed_up for threads in args.threads]
    for scale, threads, mode in runs:
        row = time_tracker(
            args.config, args.checkpoint, args.split, scale, threads,
            osp.join(args.work_dir, f's{scale}t{threads}{mode}'),
            speed_up=mode == 'on')
        print(f'scale {scale}, {threads} thread(s), speed-up {mode}: '
              f'{row["model_fps"]:.1f} fps, MOTA '
              f'{row["metrics"].get("MOTA", float("nan")):.3f}',
              flush=True)
        rows.append(row)
    kalman = []
    if args.kalman:
        options = dict(split_assignment(o, 'KEY=VALUE', '--kalman-options')
                       for o in args.kalman_options)
        options = {k: _value(v) for k, v in options.items()}
        for threads in args.threads:
            kalman.append(time_kalman(
                args.kalman, args.split, options, threads,
                osp.join(args.work_dir, f'kalman_t{threads}')))
            print(f'Kalman, {threads} thread(s): '
                  f'{kalman[-1]["model_fps"]:.0f} fps', flush=True)
    write_result_json(args.out, dict(
        config=args.config, checkpoint=args.checkpoint, split=args.split,
        tracker=rows, kalman=kalman, summary=summary(rows, kalman)))


def summary(rows: list, kalman: list) -> dict:
    """One row per run for the results page (``results:table``)."""
    table = {}
    for row in rows:
        m = row['metrics']
        label = f'tracker, {row["scale"]} px, {row["threads"]} thread(s)'
        if row.get('speed_up'):
            label += ', sped up'
        table[label] = {
            'model fps': row['model_fps'], 'pipeline fps': row['pipeline_fps'],
            'MOTA': 100 * m['MOTA'], 'IDF1': 100 * m['IDF1'],
            'HOTA': 100 * m['HOTA']}
    for row in kalman:
        m = row['metrics']
        table[f'Kalman tracker, {row["threads"]} thread(s)'] = {
            'model fps': row['model_fps'], 'MOTA': 100 * m['MOTA'],
            'IDF1': 100 * m['IDF1'], 'HOTA': 100 * m['HOTA']}
    return table


if __name__ == '__main__':
    main()
