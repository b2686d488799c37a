"""A GIF of a sequence with the tracks of a MOTChallenge result file."""
import colorsys
import os
import os.path as osp
from typing import Optional, Tuple

import cv2
from PIL import Image

from ..datasets.mot_challenge_io import frame_image, read_mot_txt, read_seqinfo


def id_colour(track_id: int) -> Tuple[int, int, int]:
    """A stable, distinct BGR colour per id (golden-ratio hues)."""
    hue = (track_id * 0.618033988749895) % 1.0
    r, g, b = colorsys.hsv_to_rgb(hue, 0.85, 1.0)
    return int(b * 255), int(g * 255), int(r * 255)


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
        for row in rows[rows[:, 0] == frame]:
            tid = int(row[1])
            x, y, w, h = row[2:6]
            p1, p2 = (int(x), int(y)), (int(x + w), int(y + h))
            colour = id_colour(tid)
            cv2.rectangle(img, p1, p2, colour, 2)
            cv2.putText(img, str(tid), (p1[0], max(p1[1] - 3, 10)),
                        cv2.FONT_HERSHEY_SIMPLEX, 0.45, colour, 1,
                        cv2.LINE_AA)
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
