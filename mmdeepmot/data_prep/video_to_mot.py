"""Turn a video and its MOTChallenge labels into a MOTChallenge sequence
folder (``img1/000001.jpg ...``, ``seqinfo.ini``, ``gt/gt.txt``,
``det/det.txt``), the frames optionally scaled with their labels.

Many tracking data sets ship as videos (PETS09-S2L1 is OpenCV's
``vtest.avi``); MMTracking and the tools here read frames from folders.
What would be lost or mixed is refused, naming the file: a video whose
decoded frame count or frame size disagrees with its ``seqinfo.ini``,
labels that name frames past the video's end, an identity twice in a frame.
Nothing is written half: the folder is built under a temporary name beside
the output and renamed into place once complete, so a killed run never
leaves a folder that looks finished.
"""
import json
import os
import os.path as osp
import shutil
import time
from dataclasses import asdict, dataclass
from typing import Dict, Optional

import cv2
import numpy as np

from ..datasets.mot_challenge_io import (MOTFormatError, check_gt, gt_flavour,
                                         read_gt, read_mot_txt,
                                         read_seqinfo_file, row_line,
                                         write_mot_txt, write_seqinfo)
from .output_dir import check_replaceable
from .render_mot import scale_rows

MARKER = 'video2mot.json'


@dataclass
class VideoLabels:
    """The label files that go with a video; any may be None.

    Args:
        gt (str, optional): ``gt.txt`` (MOT15's 10 or MOT16/17's 9
            columns). Defaults to None.
        det (str, optional): ``det.txt`` (public detections). Defaults to
            None.
        seqinfo (str, optional): ``seqinfo.ini``; its frame count and size
            are checked against the video, its name and frame rate kept.
            Defaults to None.
    """
    gt: Optional[str] = None
    det: Optional[str] = None
    seqinfo: Optional[str] = None


def _partial_dir(out_dir: str) -> str:
    """The temporary folder a sequence is built in (beside ``out_dir``)."""
    parent, name = osp.split(osp.abspath(out_dir))
    return osp.join(parent, f'.{name}.video2mot-partial')


def _prepare(out_dir: str, overwrite: bool) -> str:
    """Refuse an existing ``out_dir`` (unless ``overwrite`` and it is an
    earlier output of this tool) and return a fresh temporary folder."""
    check_replaceable(out_dir, overwrite, MARKER, 'video2mot')
    partial = _partial_dir(out_dir)
    if osp.exists(partial):  # a killed run's: ours by its name
        shutil.rmtree(partial)
    os.makedirs(osp.join(partial, 'img1'))
    return partial


def _check_frames(path: str, rows: np.ndarray, length: int,
                  what: str) -> None:
    """Refuse label rows past the video's last frame, naming file and
    line."""
    bad = np.nonzero(rows[:, 0] > length)[0]
    if len(bad):
        raise MOTFormatError(
            f'{path}:{row_line(path, int(bad[0]))}: {what} names frame '
            f'{int(rows[bad[0], 0])}, past the video\'s last frame {length} '
            f'({len(bad)} rows)')


def _open(video: str) -> cv2.VideoCapture:
    if not osp.isfile(video):
        raise FileNotFoundError(f'no video file {video}')
    cap = cv2.VideoCapture(video)
    if not cap.isOpened():
        raise ValueError(f'{video}: OpenCV cannot decode this video')
    return cap


def video_to_mot(video: str,
                 out_dir: str,
                 labels: Optional[VideoLabels] = None,
                 scale: float = 1.0,
                 name: Optional[str] = None,
                 jpeg_quality: int = 95,
                 overwrite: bool = False,
                 progress: bool = True) -> Dict[str, object]:
    """Decode ``video`` into the MOTChallenge sequence folder ``out_dir``.

    Frame ``i`` of the video in decode order (1-based) becomes
    ``img1/{i:06d}.jpg`` and is frame ``i`` of the labels. With ``scale``
    the frames are resized (area interpolation) and the labels' boxes
    scaled with them; everything else in the labels (ids, scores, world
    coordinates, row order, flavour) passes unchanged.

    Args:
        video (str): any video OpenCV decodes.
        out_dir (str): the sequence folder to write (e.g.
            ``data/PETS09/train/PETS09-S2L1``); must not exist or be empty.
        labels (VideoLabels, optional): gt, det and seqinfo files. Defaults
            to None (frames only).
        scale (float): frame size relative to the video's. Defaults to 1.
        name (str, optional): the sequence name for ``seqinfo.ini``.
            Defaults to the seqinfo's name, else ``out_dir``'s base name.
        jpeg_quality (int): JPEG quality of the frames. Defaults to 95.
        overwrite (bool): replace an earlier output of this tool in
            ``out_dir``. Defaults to False.
        progress (bool): show a progress bar of frames. Defaults to True.

    Returns:
        dict: what was written (frames, size, source, scale), also stored
        as ``out_dir/video2mot.json``.
    """
    from mmengine.utils import ProgressBar
    labels = labels or VideoLabels()
    if not scale > 0:
        raise ValueError(f'scale must be > 0, got {scale}')
    info = read_seqinfo_file(labels.seqinfo) if labels.seqinfo else None
    gt = det = None
    if labels.gt:
        flavour = gt_flavour(labels.gt)
        gt = read_mot_txt(labels.gt, flavour)
    if labels.det:
        det = read_mot_txt(labels.det, 'det')
    cap = _open(video)
    expected = int(info['seqLength']) if info else int(
        cap.get(cv2.CAP_PROP_FRAME_COUNT))
    fps = int(info['frameRate']) if info else max(
        1, int(round(cap.get(cv2.CAP_PROP_FPS) or 0)))
    name = name or (str(info['name']) if info else
                    osp.basename(osp.normpath(out_dir)))
    start = time.time()
    partial = _prepare(out_dir, overwrite)
    try:
        bar = ProgressBar(expected) if progress and expected > 0 else None
        count, size, out_size = 0, None, None
        while True:
            ok, frame = cap.read()
            if not ok:
                break
            count += 1
            height, width = frame.shape[:2]
            if size is None:
                size = (width, height)
                if info and size != (int(info['imWidth']),
                                     int(info['imHeight'])):
                    raise MOTFormatError(
                        f'{labels.seqinfo}: imWidth x imHeight = '
                        f'{info["imWidth"]}x{info["imHeight"]}, but the '
                        f'frames of {video} are {width}x{height}')
                out_size = (max(1, int(round(width * scale))),
                            max(1, int(round(height * scale))))
            elif (width, height) != size:
                raise ValueError(f'{video}: frame {count} is {width}x'
                                 f'{height}, earlier frames {size[0]}x'
                                 f'{size[1]}')
            if out_size != size:
                frame = cv2.resize(frame, out_size,
                                   interpolation=cv2.INTER_AREA)
            cv2.imwrite(osp.join(partial, 'img1', f'{count:06d}.jpg'), frame,
                        [int(cv2.IMWRITE_JPEG_QUALITY), jpeg_quality])
            if bar:
                bar.update()
        if bar:
            print()
        if count == 0:
            raise ValueError(f'{video}: no frame could be decoded')
        if info and count != expected:
            raise MOTFormatError(
                f'{labels.seqinfo}: seqLength={expected}, but {video} '
                f'decodes to {count} frames')
        sx, sy = out_size[0] / size[0], out_size[1] / size[1]
        if gt is not None:
            _check_frames(labels.gt, gt, count, 'ground truth')
            check_gt(labels.gt, read_gt(labels.gt), count)
            os.makedirs(osp.join(partial, 'gt'))
            write_mot_txt(osp.join(partial, 'gt', 'gt.txt'),
                          scale_rows(gt, sx, sy), flavour, decimals=None)
        if det is not None:
            _check_frames(labels.det, det, count, 'a detection')
            os.makedirs(osp.join(partial, 'det'))
            write_mot_txt(osp.join(partial, 'det', 'det.txt'),
                          scale_rows(det, sx, sy), 'det', decimals=None)
        write_seqinfo(partial, name, count, out_size[0], out_size[1], fps,
                      '.jpg')
        record = dict(video=osp.abspath(video), frames=count,
                      video_size=list(size), size=list(out_size),
                      scale=scale, name=name, fps=fps,
                      labels={k: v and osp.abspath(v)
                              for k, v in asdict(labels).items()},
                      seconds=round(time.time() - start, 1))
        with open(osp.join(partial, MARKER), 'w') as f:
            json.dump(record, f, indent=2)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    finally:
        cap.release()
    if osp.isdir(out_dir):
        shutil.rmtree(out_dir)  # empty, or an earlier output (checked)
    os.makedirs(osp.dirname(osp.abspath(out_dir)), exist_ok=True)
    os.rename(partial, out_dir)
    return record
