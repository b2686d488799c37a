"""A generated pedestrian data set in MOT17's layout, for CPU experiments.

Each sequence is a static textured background seen by a slightly shaking
camera, with 5-25 figures of distinct colours walking smoothly in and out of
view; nearer figures (lower in the image) are drawn later and occlude the
others. Ground truth carries MOT17's columns, with visibility computed from
the drawn occlusion; three public-detection profiles (``DPM``, ``FRCNN``,
``SDP``, from noisy to clean) are derived from it.
"""
import os
import os.path as osp
from dataclasses import asdict, dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import cv2
import numpy as np

from ..data_prep.mot_drawing import draw_figure
from ..data_prep.output_dir import prepare_output_dir, write_marker
from ..datasets.mot_challenge_io import write_mot_txt, write_seqinfo

MARKER = 'make_toy_mot.json'


@dataclass
class DetectorProfile:
    """Quality of a public-detection set."""
    noise: float  # box jitter, fraction of width / height
    miss: float  # miss probability of a fully visible person
    fp_rate: float  # false positives per frame (Poisson mean)
    score_mean: Tuple[float, float]  # mean score of true / false detections


PROFILES: Dict[str, DetectorProfile] = {
    'DPM': DetectorProfile(0.12, 0.30, 1.5, (0.55, 0.35)),
    'FRCNN': DetectorProfile(0.06, 0.15, 0.6, (0.8, 0.4)),
    'SDP': DetectorProfile(0.03, 0.08, 0.3, (0.9, 0.4)),
}


@dataclass
class ToyMOTConfig:
    """Size and content of a generated data set."""
    width: int = 640
    height: int = 360
    num_frames: Tuple[int, int] = (100, 160)
    num_people: Tuple[int, int] = (5, 25)
    # 10: with 3, fine-tuning the shipped stage-0 weights (trained on
    # sequences 1-3) found no new data and ended below them on the test
    # sequences; sequences 1-3 are the same whatever the count
    train_seqs: int = 10
    test_seqs: int = 2
    fps: int = 30
    jitter: float = 1.5  # camera shake, pixels per frame (random walk)
    profiles: Sequence[str] = ('DPM', 'FRCNN', 'SDP')
    jpeg_quality: int = 90


@dataclass
class Person:
    """One walking figure and its appearance."""
    pid: int
    x: float  # bottom-centre, scene coordinates
    y: float
    vx: float
    vy: float
    height: float
    colors: List[Tuple[int, int, int]] = field(default_factory=list)


def _new_person(rng: np.random.Generator, pid: int, cfg: ToyMOTConfig,
                at_edge: bool) -> Person:
    w, h = cfg.width, cfg.height
    y = rng.uniform(0.4 * h, 1.02 * h)
    # perspective: people lower in the image are nearer, hence taller
    height = (0.14 + 0.36 * (y - 0.4 * h) / (0.62 * h)) * h * rng.uniform(
        0.85, 1.15)
    speed = rng.uniform(0.4, 2.2) * height / 120
    if at_edge:
        side = rng.integers(2)
        x = -0.1 * height if side == 0 else w + 0.1 * height
        vx = speed if side == 0 else -speed
    else:
        x = rng.uniform(0, w)
        vx = speed * rng.choice([-1, 1])
    vy = rng.normal(0, 0.15) * speed
    colors = [tuple(int(c) for c in rng.integers(30, 256, 3))
              for _ in range(4)]  # torso, legs, head, bag
    return Person(pid, x, y, vx, vy, height, colors)


def _background(rng: np.random.Generator, cfg: ToyMOTConfig,
                margin: int) -> np.ndarray:
    h, w = cfg.height + 2 * margin, cfg.width + 2 * margin
    base = np.array(rng.integers(60, 200, 3), dtype=np.float32)
    grad = np.linspace(0.7, 1.2, h, dtype=np.float32)[:, None, None]
    img = np.clip(base[None, None] * grad * np.ones((h, w, 1), np.float32),
                  0, 255)
    noise = cv2.resize(
        rng.normal(0, 25, (h // 8 + 1, w // 8 + 1, 3)).astype(np.float32),
        (w, h))
    img = np.clip(img + noise, 0, 255).astype(np.uint8)
    for _ in range(12):  # static scenery: boxes and poles
        x1, y1 = int(rng.integers(0, w)), int(rng.integers(0, h // 2))
        x2 = x1 + int(rng.integers(10, 80))
        y2 = y1 + int(rng.integers(20, 120))
        color = tuple(int(c) for c in rng.integers(40, 220, 3))
        cv2.rectangle(img, (x1, y1), (x2, y2), color, -1)
    return img


def person_box(p: Person) -> np.ndarray:
    """xyxy box of a figure (scene coordinates)."""
    half = 0.2 * p.height
    return np.array([p.x - half, p.y - p.height, p.x + half, p.y])


def visibilities(boxes: np.ndarray, width: int, height: int) -> np.ndarray:
    """Visible fraction of each box, boxes later in the list in front.

    Like MOT17, occlusion is judged by the boxes (in the image), and the
    part of a box outside the image counts as not visible.
    """
    covered = np.zeros((height, width), dtype=bool)
    vis = np.zeros(len(boxes))
    for i in range(len(boxes) - 1, -1, -1):  # nearest first
        x1, y1, x2, y2 = boxes[i]
        area = max((x2 - x1) * (y2 - y1), 1e-6)
        ix1, iy1 = int(np.clip(np.floor(x1), 0, width)), int(
            np.clip(np.floor(y1), 0, height))
        ix2, iy2 = int(np.clip(np.ceil(x2), 0, width)), int(
            np.clip(np.ceil(y2), 0, height))
        region = covered[iy1:iy2, ix1:ix2]
        vis[i] = min(1.0, float((~region).sum()) / area)
        covered[iy1:iy2, ix1:ix2] = True
    return vis


@dataclass
class Simulation:
    """What a sequence's simulation produced."""
    frames_gt: List[np.ndarray]  # per frame: rows of MOT17 gt columns
    margin: int  # background border that camera shake may reveal
    offsets: List[Tuple[int, int]]  # camera offset of each frame
    people: Dict[int, Person]  # every figure that appeared, by id


def simulate_sequence(rng: np.random.Generator, cfg: ToyMOTConfig,
                      num_frames: int) -> Simulation:
    """Walk the figures and record the ground truth (image coordinates)."""
    target = int(rng.integers(cfg.num_people[0], cfg.num_people[1] + 1))
    people = [_new_person(rng, i + 1, cfg, at_edge=False)
              for i in range(target)]
    everyone = {p.pid: p for p in people}
    next_id = target + 1
    margin = int(4 * cfg.jitter * np.sqrt(num_frames)) + 2
    offsets, cam = [], np.zeros(2)
    frames_gt = []
    for frame in range(1, num_frames + 1):
        cam = np.clip(cam + rng.normal(0, cfg.jitter, 2), -margin, margin)
        offsets.append((int(round(cam[0])), int(round(cam[1]))))
        for p in people:
            p.vx += rng.normal(0, 0.03) * abs(p.vx) + 1e-3
            p.vy = 0.9 * p.vy + rng.normal(0, 0.02) * p.height / 100
            p.x += p.vx
            p.y = float(np.clip(p.y + p.vy, 0.4 * cfg.height,
                                1.02 * cfg.height))
        alive = [p for p in people
                 if -0.3 * p.height < p.x < cfg.width + 0.3 * p.height]
        while len(alive) < target and rng.random() < 0.3:
            alive.append(_new_person(rng, next_id, cfg, at_edge=True))
            everyone[next_id] = alive[-1]
            next_id += 1
        people = sorted(alive, key=lambda q: q.y)  # far to near
        rows = []
        boxes = np.array([person_box(p) for p in people]).reshape(-1, 4)
        boxes = boxes - np.array([cam[0], cam[1], cam[0], cam[1]])
        vis = visibilities(boxes, cfg.width, cfg.height)
        for p, box, v in zip(people, boxes, vis):
            if v <= 0:
                continue  # out of the image
            rows.append([frame, p.pid, box[0], box[1], box[2] - box[0],
                         box[3] - box[1], 1, 1, v])
        frames_gt.append(np.array(rows).reshape(-1, 9))
    return Simulation(frames_gt, margin, offsets, everyone)


def make_detections(rng: np.random.Generator, gt: np.ndarray,
                    profile: DetectorProfile, num_frames: int, width: int,
                    height: int) -> np.ndarray:
    """Public detections of one profile from ground truth rows."""
    rows = []
    for frame in range(1, num_frames + 1):
        g = gt[gt[:, 0] == frame]
        for r in g:
            miss = profile.miss + (1 - profile.miss) * (1 - r[8])**2
            if rng.random() < miss:
                continue
            x, y, w, h = r[2:6]
            x += rng.normal(0, profile.noise) * w
            y += rng.normal(0, profile.noise) * h
            w *= np.exp(rng.normal(0, profile.noise))
            h *= np.exp(rng.normal(0, profile.noise))
            score = float(np.clip(rng.normal(profile.score_mean[0], 0.1), 0,
                                  1))
            rows.append([frame, -1, x, y, w, h, score, -1, -1, -1])
        for _ in range(int(rng.poisson(profile.fp_rate))):
            h = rng.uniform(0.15, 0.6) * height
            w = h * rng.uniform(0.3, 0.5)
            x, y = rng.uniform(0, width - w), rng.uniform(0, height - h)
            score = float(np.clip(rng.normal(profile.score_mean[1], 0.1), 0,
                                  1))
            rows.append([frame, -1, x, y, w, h, score, -1, -1, -1])
    return np.array(rows).reshape(-1, 10)


def render_sequence(img_dir: str, rng: np.random.Generator,
                    cfg: ToyMOTConfig, sim: Simulation) -> None:
    """Write the frames as JPEG images."""
    os.makedirs(img_dir, exist_ok=True)
    m = sim.margin
    background = _background(rng, cfg, m)
    for t, (rows, (dx, dy)) in enumerate(zip(sim.frames_gt, sim.offsets),
                                         start=1):
        img = background[m + dy:m + dy + cfg.height,
                         m + dx:m + dx + cfg.width].copy()
        order = np.argsort(rows[:, 3] + rows[:, 5])  # far (high) to near
        for r in rows[order]:
            box = np.array([r[2], r[3], r[2] + r[4], r[3] + r[5]])
            draw_figure(img, box, sim.people[int(r[1])].colors,
                        phase=0.3 * t + r[1])
        cv2.imwrite(
            osp.join(img_dir, f'{t:06d}.jpg'), img,
            [int(cv2.IMWRITE_JPEG_QUALITY), cfg.jpeg_quality])


def make_toy_mot(out_dir: str,
                 seed: int = 0,
                 cfg: Optional[ToyMOTConfig] = None,
                 overwrite: bool = False) -> Dict[str, List[str]]:
    """Write the data set under ``out_dir``; returns the sequence names per
    split. The same seed writes the same files.

    Args:
        out_dir (str): an empty or new folder.
        seed (int): the data set's seed. Defaults to 0.
        cfg (ToyMOTConfig, optional): sizes and counts. Defaults to None
            (``ToyMOTConfig()``).
        overwrite (bool): replace an earlier ``make_toy_mot`` output in
            ``out_dir``. Defaults to False: a non-empty folder raises
            (nothing of an older data set is kept or converted).
    """
    cfg = cfg or ToyMOTConfig()
    unknown = set(cfg.profiles) - set(PROFILES)
    if unknown:
        raise ValueError(f'unknown detection profiles {sorted(unknown)}; '
                         f'known: {sorted(PROFILES)}')
    prepare_output_dir(out_dir, overwrite, MARKER, 'make_toy_mot')
    names: Dict[str, List[str]] = {}
    seq_num = 0
    for split, count in (('train', cfg.train_seqs), ('test', cfg.test_seqs)):
        names[split] = []
        for _ in range(count):
            seq_num += 1
            rng = np.random.default_rng([seed, seq_num])
            num_frames = int(rng.integers(cfg.num_frames[0],
                                          cfg.num_frames[1] + 1))
            sim = simulate_sequence(
                np.random.default_rng([seed, seq_num, 1]), cfg, num_frames)
            gt = np.concatenate(sim.frames_gt)
            for profile in cfg.profiles:
                name = f'TOY-{seq_num:02d}-{profile}'
                seq_dir = osp.join(out_dir, split, name)
                os.makedirs(osp.join(seq_dir, 'gt'), exist_ok=True)
                os.makedirs(osp.join(seq_dir, 'det'), exist_ok=True)
                render_sequence(
                    osp.join(seq_dir, 'img1'),
                    np.random.default_rng([seed, seq_num, 2]), cfg, sim)
                write_mot_txt(osp.join(seq_dir, 'gt', 'gt.txt'), gt, 'gt')
                det_rng = np.random.default_rng(
                    [seed, seq_num, 3, sorted(PROFILES).index(profile)])
                dets = make_detections(det_rng, gt, PROFILES[profile],
                                       num_frames, cfg.width, cfg.height)
                write_mot_txt(osp.join(seq_dir, 'det', 'det.txt'), dets,
                              'det')
                write_seqinfo(seq_dir, name, num_frames, cfg.width,
                              cfg.height, cfg.fps)
                names[split].append(name)
    write_marker(out_dir, MARKER, dict(writer='make_toy_mot', seed=seed,
                                       config=asdict(cfg), complete=True))
    return names
