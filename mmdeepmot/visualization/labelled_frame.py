"""One frame of a MOTChallenge sequence with its ground-truth boxes (by
identity for pedestrians, by class for everything else) and its public
detections."""
import os
import os.path as osp
from typing import Optional

import cv2
import numpy as np

from ..datasets.mot_challenge_io import (CLASSES, frame_image, read_gt,
                                         read_mot_txt, read_seqinfo)
from .track_video import id_colour

CLASS_NAMES = {c['id']: c['name'] for c in CLASSES}


def draw_labelled_frame(seq_dir: str,
                        frame: int,
                        out_path: str,
                        with_det: bool = True,
                        scale: float = 2.0,
                        result: Optional[str] = None,
                        result_first: int = 1) -> str:
    """Write ``out_path`` (PNG or JPEG): frame ``frame`` of ``seq_dir``
    enlarged by ``scale``, pedestrians' gt boxes in their identity's colour
    with the id, other classes' boxes grey with the class name, and (with
    ``with_det``) the public detections as thin white boxes; returns the
    path. With ``result`` (a MOTChallenge result file) its tracks of the
    frame are drawn by track id instead of the ground truth; its frame 1
    is frame ``result_first`` of the sequence (MMTracking numbers a half
    split's results from its first frame: ``subset_frames(...).start``)."""
    info = read_seqinfo(seq_dir)
    if not 1 <= frame <= int(info['seqLength']):
        raise ValueError(f'frame must lie in 1..{info["seqLength"]}, got '
                         f'{frame}')
    img = cv2.imread(frame_image(seq_dir, info, frame))
    img = cv2.resize(img, None, fx=scale, fy=scale,
                     interpolation=cv2.INTER_NEAREST)
    gt = read_gt(osp.join(seq_dir, 'gt', 'gt.txt'))
    det_file = osp.join(seq_dir, 'det', 'det.txt')
    if with_det and osp.isfile(det_file):
        det = read_mot_txt(det_file, 'det')
        for row in det[det[:, 0] == frame]:
            x, y, w, h = row[2:6] * scale
            cv2.rectangle(img, (int(x), int(y)), (int(x + w), int(y + h)),
                          (255, 255, 255), 1)
    if result is not None:
        tracks = read_mot_txt(result, 'result')
        rows = tracks[tracks[:, 0] == frame - result_first + 1][:, :6]
        # drawn as pedestrians: one colour and label per track id
        rows = np.concatenate([rows, np.ones((len(rows), 3))], 1)
    else:
        rows = gt[gt[:, 0] == frame]
    for row in rows[np.argsort(rows[:, 7] == 1)]:  # pedestrians on top
        x, y, w, h = row[2:6] * scale
        cls = int(row[7])
        walker = cls == 1
        colour = id_colour(int(row[1])) if walker else (128, 128, 128)
        label = str(int(row[1])) if walker else CLASS_NAMES.get(cls, cls)
        cv2.rectangle(img, (int(x), int(y)), (int(x + w), int(y + h)),
                      colour, 2 if walker else 1)
        cv2.putText(img, str(label), (int(x), max(int(y) - 3, 10)),
                    cv2.FONT_HERSHEY_SIMPLEX, 0.4, colour, 1, cv2.LINE_AA)
    title = f'{info["name"]} frame {frame}'
    if result is not None:
        title += f', tracks of {osp.basename(result)}'
    cv2.putText(img, title, (6, 18),
                cv2.FONT_HERSHEY_SIMPLEX, 0.6, (255, 255, 255), 2,
                cv2.LINE_AA)
    os.makedirs(osp.dirname(osp.abspath(out_path)), exist_ok=True)
    if not cv2.imwrite(out_path, img, [int(cv2.IMWRITE_JPEG_QUALITY), 85]):
        raise ValueError(f'cannot write an image to {out_path}')
    return out_path
