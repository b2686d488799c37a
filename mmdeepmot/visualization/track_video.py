"""A GIF of a sequence with the tracks of a MOTChallenge result file."""
import colorsys
import os
import os.path as osp
from typing import Optional, Tuple

import cv2
import numpy as np
from PIL import Image

from ..datasets.mot_challenge_io import frame_image, read_mot_txt, read_seqinfo


def id_colour(track_id: int) -> Tuple[int, int, int]:
    """A stable, distinct BGR colour per id (golden-ratio hues)."""
    hue = (track_id * 0.618033988749895) % 1.0
    r, g, b = colorsys.hsv_to_rgb(hue, 0.85, 1.0)
    return int(b * 255), int(g * 255), int(r * 255)


def draw_boxes(img: np.ndarray,
               rows: np.ndarray,
               font_scale: float = 0.5) -> np.ndarray:
    """Draw result rows' boxes and ids on a BGR image in place.

    Args:
        img (np.ndarray): the image (H, W, 3), BGR.
        rows (np.ndarray): MOTChallenge rows (frame, id, x, y, w, h, ...)
            of this image.
        font_scale (float): size of the id labels. Defaults to 0.5.

    Returns:
        np.ndarray: ``img``.
    """
    for row in rows:
        tid = int(row[1])
        x, y, w, h = (int(round(v)) for v in row[2:6])
        colour = id_colour(tid)
        cv2.rectangle(img, (x, y), (x + w, y + h), colour, 2)
        cv2.putText(img, str(tid), (x, max(y - 3, 10)),
                    cv2.FONT_HERSHEY_SIMPLEX, font_scale, colour, 1,
                    cv2.LINE_AA)
    return img


def draw_tracks(seq_dir: str,
                result_file: str,
                out_path: str,
                max_frames: Optional[int] = 150,
                scale: float = 1.0,
                fps: Optional[float] = None) -> str:
    """Draw every track box with its id on the sequence's frames and write
    an animated GIF (``out_path``); returns the path.

    ``seq_dir`` is a MOTChallenge sequence folder (``seqinfo.ini``,
    ``img1/``); ``result_file`` has rows (frame, id, x, y, w, h, ...).
    """
    info = read_seqinfo(seq_dir)
    rows = read_mot_txt(result_file, 'result')
    length = int(info['seqLength'])
    if max_frames is not None:
        length = min(length, max_frames)
    frames = []
    for frame in range(1, length + 1):
        path = frame_image(seq_dir, info, frame)
        img = cv2.imread(path)
        if img is None:
            raise FileNotFoundError(f'cannot read frame image {path}')
        draw_boxes(img, rows[rows[:, 0] == frame], font_scale=0.45)
        cv2.putText(img, f'{info["name"]} {frame}', (5, 15),
                    cv2.FONT_HERSHEY_SIMPLEX, 0.45, (255, 255, 255), 1,
                    cv2.LINE_AA)
        if scale != 1.0:
            img = cv2.resize(img, None, fx=scale, fy=scale)
        frames.append(Image.fromarray(img[..., ::-1]))
    if not frames:
        raise ValueError(f'{seq_dir} has no frames to draw')
    os.makedirs(osp.dirname(osp.abspath(out_path)), exist_ok=True)
    rate = fps or float(info.get('frameRate', 10))
    frames[0].save(out_path, save_all=True, append_images=frames[1:],
                   duration=int(1000 / rate), loop=0, optimize=False)
    return out_path
