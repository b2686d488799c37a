"""Drawing primitives for frames drawn from labels: walking figures,
vehicles, cycles, occluders, crowds and textured backgrounds (OpenCV on BGR
``uint8`` images; boxes are ``(x1, y1, x2, y2)`` in pixels)."""
from typing import Sequence, Tuple

import cv2
import numpy as np

Color = Tuple[int, int, int]


def _pt(x: float, y: float) -> Tuple[int, int]:
    return int(x), int(y)


def draw_figure(img: np.ndarray,
                box: Sequence[float],
                colors: Sequence[Color],
                phase: float,
                swing: float = 0.2) -> None:
    """A person filling ``box``: head, torso, two legs and a bag.

    Args:
        img (np.ndarray): the image, drawn on in place.
        box (Sequence[float]): ``(x1, y1, x2, y2)``.
        colors (Sequence[Color]): torso, legs, head and bag colours.
        phase (float): walking phase (radians) of the legs.
        swing (float): leg swing as a fraction of the width; 0 stands
            still. Defaults to 0.2.
    """
    x1, y1, x2, y2 = box
    w, h = x2 - x1, y2 - y1
    cx = (x1 + x2) / 2
    torso, legs, head, bag = colors[:4]
    head_r = max(1, int(0.11 * h))
    cv2.circle(img, (int(cx), int(y1 + head_r)), head_r, head, -1)
    cv2.rectangle(img, _pt(x1 + 0.1 * w, y1 + 2 * head_r),
                  _pt(x2 - 0.1 * w, y1 + 0.6 * h), torso, -1)
    offset = swing * w * np.sin(phase)
    for sign in (-1, 1):
        lx = cx + sign * (0.15 * w + offset * sign)
        cv2.line(img, _pt(cx, y1 + 0.6 * h), _pt(lx, y2), legs,
                 max(1, int(0.12 * w)))
    cv2.rectangle(img, _pt(x2 - 0.25 * w, y1 + 0.35 * h),
                  _pt(x2, y1 + 0.55 * h), bag, -1)


def draw_car(img: np.ndarray,
             box: Sequence[float],
             colors: Sequence[Color],
             cabin: bool = True) -> None:
    """A vehicle seen from the side: body, cabin with windows, two wheels
    (``cabin=False``: a cart, a low body on small wheels)."""
    x1, y1, x2, y2 = box
    w, h = x2 - x1, y2 - y1
    body, window = colors[0], colors[1]
    wheel_r = max(1, int(min(0.2 * h, 0.12 * w)))
    top = y1 + (0.4 * h if cabin else 0.2 * h)
    cv2.rectangle(img, _pt(x1, top), _pt(x2, y2 - wheel_r), body, -1)
    if cabin:
        cv2.rectangle(img, _pt(x1 + 0.2 * w, y1), _pt(x2 - 0.15 * w, top),
                      body, -1)
        for a, b in ((0.25, 0.48), (0.52, 0.8)):
            cv2.rectangle(img, _pt(x1 + a * w, y1 + 0.08 * h),
                          _pt(x1 + b * w, top - 0.02 * h), window, -1)
    for fx in (0.22, 0.78):
        centre = _pt(x1 + fx * w, y2 - wheel_r)
        cv2.circle(img, centre, wheel_r, (20, 20, 20), -1)
        cv2.circle(img, centre, max(1, wheel_r // 2), (150, 150, 150), -1)


def draw_cycle(img: np.ndarray, box: Sequence[float],
               colors: Sequence[Color]) -> None:
    """A bicycle or motorbike: two wheels joined by a frame."""
    x1, y1, x2, y2 = box
    w, h = x2 - x1, y2 - y1
    frame = colors[0]
    r = max(1, int(min(0.45 * h, 0.25 * w)))
    thick = max(1, r // 4)
    back, front = _pt(x1 + r, y2 - r), _pt(x2 - r, y2 - r)
    seat = _pt(x1 + 0.4 * w, y2 - 2 * r)
    bar = _pt(x2 - 0.3 * w, y2 - 2.2 * r)
    cv2.circle(img, back, r, (25, 25, 25), thick)
    cv2.circle(img, front, r, (25, 25, 25), thick)
    for a, b in ((back, seat), (seat, bar), (bar, front), (seat, front)):
        cv2.line(img, a, b, frame, thick)


def draw_rider(img: np.ndarray, box: Sequence[float],
               colors: Sequence[Color], phase: float) -> None:
    """A person on a cycle: the cycle in the lower half, the rider above."""
    x1, y1, x2, y2 = box
    h = y2 - y1
    draw_cycle(img, (x1, y1 + 0.5 * h, x2, y2), colors[4:] or colors)
    cx, w = (x1 + x2) / 2, x2 - x1
    draw_figure(img, (cx - 0.3 * w, y1, cx + 0.3 * w, y1 + 0.8 * h), colors,
                phase, swing=0.05)


def draw_block(img: np.ndarray, box: Sequence[float],
               colors: Sequence[Color]) -> None:
    """An occluder (pillar, sign, parked object): a filled block with
    stripes and an outline."""
    x1, y1, x2, y2 = box
    w, h = x2 - x1, y2 - y1
    cv2.rectangle(img, _pt(x1, y1), _pt(x2, y2), colors[0], -1)
    step = max(3.0, 0.2 * min(w, h))
    y = y1 + step
    while y < y2:
        cv2.line(img, _pt(x1, y), _pt(x2, y), colors[1], 1)
        y += step
    cv2.rectangle(img, _pt(x1, y1), _pt(x2, y2), colors[2], 1)


def draw_crowd(img: np.ndarray, box: Sequence[float],
               colors: Sequence[Color]) -> None:
    """A dense group: rows of heads over a mass of bodies."""
    x1, y1, x2, y2 = box
    w, h = x2 - x1, y2 - y1
    cv2.rectangle(img, _pt(x1, y1 + 0.2 * h), _pt(x2, y2), colors[0], -1)
    r = max(1, int(0.06 * h))
    for i, fx in enumerate(np.linspace(0.1, 0.9, max(2, int(w / (3 * r))))):
        cv2.circle(img, _pt(x1 + fx * w, y1 + r + (i % 2) * r), r,
                   colors[2], -1)


def blend_figure(img: np.ndarray, box: Sequence[float],
                 colors: Sequence[Color], phase: float,
                 alpha: float = 0.35) -> None:
    """A faint figure (a reflection) blended into the image."""
    h, w = img.shape[:2]
    x1, y1, x2, y2 = (int(np.clip(v, 0, lim))
                      for v, lim in zip(box, (w, h, w, h)))
    if x2 <= x1 or y2 <= y1:
        return
    patch = img[y1:y2, x1:x2].copy()
    bx1, by1, bx2, by2 = box
    draw_figure(patch, (bx1 - x1, by1 - y1, bx2 - x1, by2 - y1), colors,
                phase)
    img[y1:y2, x1:x2] = cv2.addWeighted(patch, alpha, img[y1:y2, x1:x2],
                                        1 - alpha, 0)


def textured_background(rng: np.random.Generator, width: int,
                        height: int) -> np.ndarray:
    """A street-like scene: facades with windows above a horizon, a paved
    ground with joints below, smooth shading and fine texture."""
    horizon = int(rng.uniform(0.25, 0.5) * height)
    img = np.empty((height, width, 3), np.float32)
    wall = rng.uniform(70, 190, 3)
    ground = rng.uniform(60, 170, 3)
    img[:horizon] = wall
    img[horizon:] = ground * np.linspace(0.85, 1.15, height - horizon,
                                         dtype=np.float32)[:, None, None]
    x = 0
    while x < width:  # facades with rows of windows
        fw = int(rng.uniform(0.08, 0.25) * width) + 1
        top = int(rng.uniform(0, 0.6) * horizon)
        color = np.clip(wall + rng.normal(0, 30, 3), 20, 235)
        img[top:horizon, x:x + fw] = color
        win = np.clip(color * rng.uniform(0.3, 0.7), 0, 255)
        step = max(4, fw // 4)
        for wx in range(x + step // 2, x + fw - step // 2, step):
            for wy in range(top + step // 2, horizon - step, step):
                img[wy:wy + step // 2, wx:wx + step // 3] = win
        x += fw
    tile = max(4, width // 24)
    joint = np.clip(ground * 0.7, 0, 255)
    for gy in range(horizon, height, max(2, tile // 2)):
        img[gy] = joint
    for gx in range(0, width, tile):
        img[horizon:, gx] = joint
    coarse = rng.normal(0, 18, (height // 16 + 2, width // 16 + 2, 3))
    img += cv2.resize(coarse.astype(np.float32), (width, height))
    img += rng.normal(0, 6, img.shape).astype(np.float32)
    return np.clip(img, 0, 255).astype(np.uint8)


def noise_bank(rng: np.random.Generator, width: int, height: int,
               std: float, count: int = 8, margin: int = 16) -> np.ndarray:
    """``count`` fields of Gaussian image noise, ``margin`` pixels larger
    than the frame on each axis, as ``int16``; a frame takes one at a random
    offset (cheaper than fresh noise per frame, and as unpredictable to a
    network)."""
    return np.round(
        rng.normal(0, std, (count, height + margin, width + margin, 3))
    ).astype(np.int16)
