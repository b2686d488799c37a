"""Track a plain video with a tracker's own detector: a MOTChallenge
result file and the video with its tracks drawn (as MMTracking's MOT demo
does), no detection file needed."""
import os
import os.path as osp
from typing import Iterator, Optional, Tuple

import cv2
import numpy as np
import torch

from ..datasets.mot_challenge_io import write_mot_txt
from ..visualization.track_video import draw_boxes


def open_video(path: str) -> Tuple[cv2.VideoCapture, int, float, Tuple[int,
                                                                       int]]:
    """An opened video with its frame count, rate and (width, height);
    refuses, naming the file, what OpenCV cannot decode."""
    if not osp.isfile(path):
        raise FileNotFoundError(f'{path}: no such video file')
    cap = cv2.VideoCapture(path)
    ok, first = cap.read() if cap.isOpened() else (False, None)
    if not ok or first is None:
        cap.release()
        raise ValueError(f'{path}: OpenCV cannot decode a frame of it (not '
                         'a video, or a codec this OpenCV lacks)')
    cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
    count = int(cap.get(cv2.CAP_PROP_FRAME_COUNT))
    fps = cap.get(cv2.CAP_PROP_FPS) or 25.0
    return cap, count, fps, (first.shape[1], first.shape[0])


def _frames(cap: cv2.VideoCapture, limit: Optional[int]) -> Iterator:
    index = 0
    while limit is None or index < limit:
        ok, frame = cap.read()
        if not ok:
            return
        yield index, frame
        index += 1


def track_video(model: torch.nn.Module,
                video: str,
                out_txt: str,
                out_video: Optional[str] = None,
                max_frames: Optional[int] = None,
                progress: bool = True) -> int:
    """Track ``video`` with ``model`` (from ``mmtrack.apis.init_model``)
    and write its MOTChallenge result file (rows: frame from 1, id, x, y,
    w, h, score, -1, -1, -1) and, optionally, the annotated video (MP4).

    Outputs are written under temporary names and moved into place at the
    end: a killed run leaves no file that looks finished.

    Args:
        model (nn.Module): a MOT model with its ``cfg``; a Tracktor that
            reads public detections is switched to its own detector.
        video (str): a video file OpenCV decodes.
        out_txt (str): the result file.
        out_video (str, optional): the annotated video. Defaults to None.
        max_frames (int, optional): stop after this many frames. Defaults
            to None (all).
        progress (bool): show a progress bar. Defaults to True.

    Returns:
        int: the number of frames tracked.
    """
    from mmengine.utils import ProgressBar
    from mmtrack.apis import inference_mot
    if getattr(model, 'public_detections', False):
        model.public_detections = False  # no detection file here
    cap, count, fps, size = open_video(video)
    total = count if max_frames is None else min(count, max_frames)
    tmp_txt = out_txt + '.part'
    for path in (out_txt, out_video):
        if path:
            os.makedirs(osp.dirname(osp.abspath(path)), exist_ok=True)
    writer = None
    if out_video:
        tmp_video = out_video + '.part.mp4'
        writer = cv2.VideoWriter(tmp_video, cv2.VideoWriter_fourcc(*'mp4v'),
                                 fps, size)
        if not writer.isOpened():
            cap.release()
            raise OSError(f'{out_video}: OpenCV cannot write an MP4 there')
    bar = ProgressBar(total) if progress and total > 0 else None
    rows, n = [], 0
    try:
        for index, frame in _frames(cap, max_frames):
            result = inference_mot(model, frame, frame_id=index)
            inst = result.pred_track_instances
            boxes = inst.bboxes.cpu().numpy().reshape(-1, 4)
            frame_rows = np.zeros((len(boxes), 10))
            frame_rows[:, 0] = index + 1
            frame_rows[:, 1] = inst.instances_id.cpu().numpy()
            frame_rows[:, 2:4] = boxes[:, :2]
            frame_rows[:, 4:6] = boxes[:, 2:] - boxes[:, :2]
            frame_rows[:, 6] = inst.scores.cpu().numpy()
            frame_rows[:, 7:] = -1
            rows.append(frame_rows)
            if writer is not None:
                writer.write(draw_boxes(frame, frame_rows))
            n += 1
            if bar is not None:
                bar.update()
    finally:
        cap.release()
        if writer is not None:
            writer.release()
    if n == 0:
        raise ValueError(f'{video}: no frame could be read')
    write_mot_txt(tmp_txt, np.concatenate(rows), 'result')
    os.replace(tmp_txt, out_txt)
    if writer is not None:
        os.replace(tmp_video, out_video)
    return n
