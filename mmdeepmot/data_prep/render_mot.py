"""Draw frames for a MOTChallenge tree that has labels but no images.

Every ground-truth box of a frame is drawn, back to front by its bottom
edge, so that who occludes whom follows the labels' own geometry. Each
identity keeps one look through its life; looks come from a small palette
per video, so several identities look alike and appearance alone cannot
tell them apart. MOTChallenge's classes are drawn as their own kinds of
objects (pedestrians walk, static persons stand, distractors are grey
figures, reflections faint ones, vehicles, cycles, riders, occluders and
crowds have shapes of their own). Each video gets a textured background and
every frame image noise. Labels (gt, det, seqinfo) are written scaled with
the frames, in their own flavour (MOT15's 10-column or MOT16/17/20's
9-column ground truth, 7- or 10-column detections, rows in their order).
Variants of one video (MOT17's DPM, FRCNN and SDP folders: same ground
truth, same size) share one set of frames, drawn once and linked.
"""
import hashlib
import multiprocessing
import os
import os.path as osp
import time
import zlib
from dataclasses import asdict, dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import cv2
import numpy as np

from ..datasets.mot_challenge_io import (check_gt, gt_flavour, list_sequences,
                                         read_gt, read_mot_txt, read_seqinfo,
                                         write_mot_txt, write_seqinfo)
from .cocovid import mot_to_cocovid
from .mot_drawing import (blend_figure, draw_block, draw_car, draw_crowd,
                          draw_cycle, draw_figure, draw_rider, noise_bank,
                          textured_background)
from .output_dir import prepare_output_dir, write_marker

# MOTChallenge's class ids -> how they are drawn
KINDS = {
    1: 'walker',  # pedestrian
    2: 'rider',  # person on vehicle
    3: 'car',
    4: 'cycle',  # bicycle
    5: 'cycle',  # motorbike
    6: 'cart',  # non-motorized vehicle
    7: 'stander',  # static person
    8: 'distractor',
    9: 'block',  # occluder
    10: 'block',  # occluder on the ground
    11: 'block',  # full occluder
    12: 'reflection',
    13: 'crowd',
}
MARKER = 'render_mot.json'


@dataclass
class RenderConfig:
    """How frames are drawn.

    Args:
        scale (float): frame size relative to the labels' image size; the
            labels are scaled with it. Defaults to 1/3.
        seed (int): the same seed draws the same frames. Defaults to 0.
        looks (int): looks (colour sets) per video; identities draw one at
            random, so about ``identities / looks`` share each. Defaults
            to 24.
        noise_std (float): image noise, grey levels. Defaults to 6.
        jpeg_quality (int): JPEG quality of the frames. Defaults to 90.
        chunk (int): frames per parallel task. Defaults to 50.
    """
    scale: float = 1 / 3
    seed: int = 0
    looks: int = 24
    noise_std: float = 6.0
    jpeg_quality: int = 90
    chunk: int = 50


@dataclass
class SequenceLabels:
    """One sequence folder of the labels tree."""
    split: str
    name: str
    src: str
    info: Dict[str, object]
    gt: np.ndarray  # MOT17's 9 columns, whatever the flavour
    gt_flavour: str
    video_key: str  # same for variants of one video
    frames_owner: str = ''  # the sequence whose img1/ holds the frames
    has_det: bool = field(default=False)


def find_sequences(labels_root: str,
                   seqs: Optional[Sequence[str]] = None
                   ) -> List[SequenceLabels]:
    """The sequences of every split folder (``train``, ``test``, ...) of a
    MOTChallenge tree, checked; ``seqs`` selects by folder name.

    Every selected sequence needs ``seqinfo.ini`` and ``gt/gt.txt`` (the
    frames are drawn from the ground truth); ``det/det.txt`` is optional.
    """
    if not osp.isdir(labels_root):
        raise FileNotFoundError(f'no labels folder {labels_root}')
    splits = sorted(
        d for d in os.listdir(labels_root)
        if osp.isdir(osp.join(labels_root, d)) and any(
            osp.isfile(osp.join(labels_root, d, s, 'seqinfo.ini'))
            for s in os.listdir(osp.join(labels_root, d))))
    if not splits:
        raise FileNotFoundError(
            f'{labels_root} has no split folder (train/, test/) holding '
            'sequence folders with seqinfo.ini')
    found: List[SequenceLabels] = []
    for split in splits:
        for name in list_sequences(osp.join(labels_root, split)):
            if seqs and name not in seqs:
                continue
            src = osp.join(labels_root, split, name)
            info = read_seqinfo(src)
            gt_path = osp.join(src, 'gt', 'gt.txt')
            if not osp.isfile(gt_path):
                raise FileNotFoundError(
                    f'no ground truth to draw {name} from: {gt_path} '
                    '(choose sequences with --seqs)')
            gt = read_gt(gt_path)
            check_gt(gt_path, gt, int(info['seqLength']))
            with open(gt_path, 'rb') as f:
                digest = hashlib.sha1(f.read()).hexdigest()
            key = (f'{split}/{digest}/{info["seqLength"]}/'
                   f'{info["imWidth"]}x{info["imHeight"]}')
            found.append(SequenceLabels(
                split, name, src, info, gt, gt_flavour(gt_path), key,
                has_det=osp.isfile(osp.join(src, 'det', 'det.txt'))))
    missing = sorted(set(seqs or []) - {s.name for s in found})
    if missing:
        raise ValueError(f'--seqs names {missing}, not in {labels_root}; '
                         f'it has {sorted(s.name for s in found)}')
    owners: Dict[str, str] = {}
    for seq in found:  # sorted: the first variant of a video owns frames
        seq.frames_owner = owners.setdefault(seq.video_key, seq.name)
    return found


def scaled_size(info: Dict[str, object], scale: float) -> Tuple[int, int]:
    """Frame width and height at ``scale`` (at least one pixel)."""
    return (max(1, int(round(int(info['imWidth']) * scale))),
            max(1, int(round(int(info['imHeight']) * scale))))


def scale_rows(rows: np.ndarray, sx: float, sy: float) -> np.ndarray:
    """Rows with their box columns (x, y, w, h) scaled."""
    out = rows.copy()
    out[:, [2, 4]] *= sx
    out[:, [3, 5]] *= sy
    return out


class VideoScene:
    """What stays fixed through one drawn video: background, noise, looks.

    Everything derives from ``(seed, video)`` (and the identity for a look),
    so any chunk of frames is drawn the same by any process.
    """

    def __init__(self, cfg: RenderConfig, video_key: str, width: int,
                 height: int) -> None:
        self.cfg = cfg
        self.vid = zlib.crc32(video_key.encode())
        self.width, self.height = width, height
        self.background = textured_background(self._rng(1), width, height)
        self.noise = noise_bank(self._rng(2), width, height, cfg.noise_std)
        palette_rng = self._rng(3)
        self.palette = palette_rng.integers(25, 240, (cfg.looks, 6, 3))
        self._looks: Dict[int, List[Tuple[int, int, int]]] = {}

    def _rng(self, *key: int) -> np.random.Generator:
        return np.random.default_rng([self.cfg.seed, self.vid, *key])

    def look_index(self, identity: int) -> int:
        """The palette entry an identity looks like."""
        return int(self._rng(4, identity).integers(self.cfg.looks))

    def look(self, identity: int, kind: str) -> List[Tuple[int, int, int]]:
        """An identity's colours: a palette look with a slight shift of its
        own (alike, not equal, to others of that look)."""
        if identity not in self._looks:
            rng = self._rng(4, identity)  # its first draw: the look index
            base = self.palette[rng.integers(self.cfg.looks)].astype(float)
            colors = np.clip(base + rng.normal(0, 8, base.shape), 0, 255)
            if kind == 'distractor':  # mannequins, posters: greyish
                colors = 0.8 * colors.mean(1, keepdims=True) + 0.2 * colors
            self._looks[identity] = [tuple(int(c) for c in col)
                                     for col in colors]
        return self._looks[identity]

    def draw(self, frame: int, rows: np.ndarray) -> np.ndarray:
        """One frame: the background, ``rows`` (ground truth of the frame,
        image coordinates) drawn back to front by bottom edge, noise."""
        img = self.background.copy()
        order = np.lexsort((rows[:, 1], rows[:, 3] + rows[:, 5]))
        for r in rows[order]:
            kind = KINDS.get(int(r[7]))
            if kind is None:
                raise ValueError(f'class id {int(r[7])} of identity '
                                 f'{int(r[1])} in frame {frame} is not a '
                                 f'MOTChallenge class (1-13)')
            box = (r[2], r[3], r[2] + r[4], r[3] + r[5])
            colors = self.look(int(r[1]), kind)
            phase = 0.3 * frame + r[1]
            if kind in ('walker', 'stander', 'distractor'):
                draw_figure(img, box, colors, phase,
                            swing=0.2 if kind == 'walker' else 0.0)
            elif kind == 'reflection':
                blend_figure(img, box, colors, phase)
            elif kind == 'rider':
                draw_rider(img, box, colors, phase)
            elif kind in ('car', 'cart'):
                draw_car(img, box, colors, cabin=kind == 'car')
            elif kind == 'cycle':
                draw_cycle(img, box, colors)
            elif kind == 'block':
                draw_block(img, box, colors)
            else:
                draw_crowd(img, box, colors)
        rng = self._rng(5, frame)
        margin = self.noise.shape[1] - self.height
        dy, dx = rng.integers(0, margin + 1, 2)
        noise = self.noise[rng.integers(len(self.noise)), dy:dy + self.height,
                           dx:dx + self.width]
        return np.clip(img.astype(np.int16) + noise, 0,
                       255).astype(np.uint8)


def _draw_chunk(task: tuple) -> int:
    """Draw and write the frames of one task; returns how many."""
    cfg, video_key, width, height, img_dir, frames, rows = task
    cv2.setNumThreads(1)
    scene = VideoScene(cfg, video_key, width, height)
    for frame in frames:
        img = scene.draw(frame, rows[rows[:, 0] == frame])
        cv2.imwrite(osp.join(img_dir, f'{frame:06d}.jpg'), img,
                    [int(cv2.IMWRITE_JPEG_QUALITY), cfg.jpeg_quality])
    return len(frames)


def write_labels(seq: SequenceLabels, dst: str, cfg: RenderConfig) -> None:
    """The sequence's seqinfo, gt and det, scaled to the drawn frames, in
    the flavour and row order they came in."""
    width, height = scaled_size(seq.info, cfg.scale)
    sx = width / int(seq.info['imWidth'])
    sy = height / int(seq.info['imHeight'])
    os.makedirs(osp.join(dst, 'gt'))
    raw = read_mot_txt(osp.join(seq.src, 'gt', 'gt.txt'), seq.gt_flavour)
    # 10 significant digits: scores pass unchanged
    write_mot_txt(osp.join(dst, 'gt', 'gt.txt'), scale_rows(raw, sx, sy),
                  seq.gt_flavour, decimals=None)
    if seq.has_det:
        os.makedirs(osp.join(dst, 'det'))
        det = read_mot_txt(osp.join(seq.src, 'det', 'det.txt'), 'det')
        write_mot_txt(osp.join(dst, 'det', 'det.txt'),
                      scale_rows(det, sx, sy), 'det', decimals=None)
    info = seq.info
    write_seqinfo(dst, seq.name, int(info['seqLength']), width, height,
                  int(info['frameRate']), '.jpg')


def render_mot(labels_root: str,
               out_dir: str,
               cfg: Optional[RenderConfig] = None,
               seqs: Optional[Sequence[str]] = None,
               nproc: int = 1,
               overwrite: bool = False,
               progress: bool = True,
               cocovid: bool = True) -> List[SequenceLabels]:
    """Draw the frames of a labels-only MOTChallenge tree into ``out_dir``.

    Args:
        labels_root (str): tree with ``SPLIT/SEQ/{gt/gt.txt, det/det.txt,
            seqinfo.ini}``.
        out_dir (str): where the same tree is written, with ``img1/``.
        cfg (RenderConfig, optional): drawing options. Defaults to
            ``RenderConfig()``.
        seqs (Sequence[str], optional): only these sequence folders.
        nproc (int): drawing processes. Defaults to 1.
        overwrite (bool): replace an earlier render in ``out_dir``.
            Defaults to False (a non-empty ``out_dir`` raises).
        progress (bool): show a progress bar of frames. Defaults to True.
        cocovid (bool): then write the CocoVID annotations as
            ``tools/mot2cocovid.py`` does (``out_dir/annotations``: train,
            half-train, half-val, public detections). Defaults to True.

    Returns:
        list[SequenceLabels]: the sequences written.
    """
    from mmengine.utils import ProgressBar
    cfg = cfg or RenderConfig()
    if not cfg.scale > 0:
        raise ValueError(f'scale must be > 0, got {cfg.scale}')
    found = find_sequences(labels_root, seqs)
    prepare_output_dir(out_dir, overwrite, MARKER, 'render_mot')
    start = time.time()
    record = dict(labels=osp.abspath(labels_root), config=asdict(cfg),
                  sequences=[s.name for s in found], complete=False)
    write_marker(out_dir, MARKER, record)
    tasks = []
    for seq in found:
        dst = osp.join(out_dir, seq.split, seq.name)
        os.makedirs(dst)
        write_labels(seq, dst, cfg)
        if seq.frames_owner != seq.name:
            os.symlink(osp.join('..', seq.frames_owner, 'img1'),
                       osp.join(dst, 'img1'))
            continue
        os.makedirs(osp.join(dst, 'img1'))
        width, height = scaled_size(seq.info, cfg.scale)
        rows = scale_rows(seq.gt, width / int(seq.info['imWidth']),
                          height / int(seq.info['imHeight']))
        length = int(seq.info['seqLength'])
        for first in range(1, length + 1, cfg.chunk):
            frames = list(range(first, min(first + cfg.chunk, length + 1)))
            chunk_rows = rows[(rows[:, 0] >= first)
                              & (rows[:, 0] <= frames[-1])]
            tasks.append((cfg, seq.video_key, width, height,
                          osp.join(dst, 'img1'), frames, chunk_rows))
    total = sum(len(t[5]) for t in tasks)
    bar = ProgressBar(total) if progress and total else None
    if nproc > 1:
        with multiprocessing.get_context('fork').Pool(nproc) as pool:
            for done in pool.imap_unordered(_draw_chunk, tasks):
                if bar:
                    bar.update(done)
    else:
        for task in tasks:
            done = _draw_chunk(task)
            if bar:
                bar.update(done)
    if bar:
        print()
    record.update(frames_drawn=total,
                  draw_seconds=round(time.time() - start, 1))
    if cocovid:
        mot_to_cocovid(out_dir)
    record.update(complete=True, seconds=round(time.time() - start, 1))
    write_marker(out_dir, MARKER, record)
    return found
