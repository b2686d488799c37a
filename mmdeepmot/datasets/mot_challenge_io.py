"""Read and write MOTChallenge files (gt.txt, det.txt, results, seqinfo.ini)
with errors that name the file and line of bad input."""
import configparser
import os
import os.path as osp
from typing import Dict, List, Optional

import numpy as np

# columns: frame, id, x, y, w, h, conf, class, visibility
GT_COLUMNS = 9
# columns: frame, id (-1), x, y, w, h, score[, x, y, z]
DET_MIN_COLUMNS = 7
RESULT_MIN_COLUMNS = 6

SEQINFO_KEYS = ('name', 'imDir', 'frameRate', 'seqLength', 'imWidth',
                'imHeight', 'imExt')


class MOTFormatError(ValueError):
    """A MOTChallenge file that cannot be read as such."""


def read_mot_txt(path: str, kind: str = 'gt') -> np.ndarray:
    """Rows of a MOTChallenge text file as a float64 array.

    ``kind`` is ``'gt'`` (MOT16/17's 9 columns), ``'gt15'`` (MOT15's, whose
    last columns are world coordinates), ``'det'`` (at least 7, id -1) or
    ``'result'`` (at least 6). Every line is checked: wrong column counts,
    non-numbers, non-positive frames or sizes, and NaN raise
    :class:`MOTFormatError` naming ``path:line``; nothing is skipped.
    """
    min_cols = dict(gt=GT_COLUMNS, gt15=RESULT_MIN_COLUMNS,
                    det=DET_MIN_COLUMNS, result=RESULT_MIN_COLUMNS)
    if kind not in min_cols:
        raise ValueError(f'kind must be one of {list(min_cols)}, got {kind}')
    if not osp.isfile(path):
        raise FileNotFoundError(f'missing {kind} file: {path}')
    rows: List[List[float]] = []
    width = None
    with open(path) as f:
        for num, line in enumerate(f, start=1):
            text = line.strip()
            if not text:
                continue
            where = f'{path}:{num}'
            fields = [x.strip() for x in text.split(',')]
            if len(fields) < min_cols[kind]:
                raise MOTFormatError(
                    f'{where}: expected {min_cols[kind]} comma-separated '
                    f'columns for a {kind} file, got {len(fields)}: {text!r}')
            try:
                values = [float(x) for x in fields]
            except ValueError:
                raise MOTFormatError(f'{where}: not a number in {text!r}')
            if not np.all(np.isfinite(values)):
                raise MOTFormatError(f'{where}: NaN or inf in {text!r}')
            if values[0] < 1 or values[0] != int(values[0]):
                raise MOTFormatError(
                    f'{where}: frame must be an integer >= 1, got {fields[0]}')
            if values[4] <= 0 or values[5] <= 0:
                raise MOTFormatError(
                    f'{where}: box width and height must be > 0 in {text!r}')
            if kind == 'gt' and not 0.0 <= values[8] <= 1.0:
                raise MOTFormatError(f'{where}: visibility must lie in '
                                     f'[0, 1], got {fields[8]}')
            width = width or len(values)
            if len(values) != width:
                raise MOTFormatError(f'{where}: {len(values)} columns where '
                                     f'earlier lines have {width}')
            rows.append(values)
    if not rows:
        return np.zeros((0, min_cols[kind]))
    return np.asarray(rows, dtype=np.float64)


def gt_flavour(path: str) -> str:
    """``'gt'`` for a MOT16/17/20 ground-truth file (9 columns: ..., conf,
    class, visibility), ``'gt15'`` for MOT15's (10 columns: ..., conf,
    world x, y, z), told by the column count of its first line."""
    if not osp.isfile(path):
        raise FileNotFoundError(f'missing gt file: {path}')
    with open(path) as f:
        for num, line in enumerate(f, start=1):
            if line.strip():
                cols = len(line.split(','))
                if cols == GT_COLUMNS:
                    return 'gt'
                if cols == GT_COLUMNS + 1:
                    return 'gt15'
                raise MOTFormatError(
                    f'{path}:{num}: a ground-truth file has 9 columns '
                    f'(MOT16/17/20) or 10 (MOT15), got {cols}: '
                    f'{line.strip()!r}')
    return 'gt'  # empty: either flavour reads as no rows


def read_gt(path: str) -> np.ndarray:
    """Ground truth of either flavour as MOT17's 9 columns (frame, id, x, y,
    w, h, conf, class, visibility); MOT15 rows become pedestrians
    (class 1) that are fully visible (visibility 1)."""
    flavour = gt_flavour(path)
    rows = read_mot_txt(path, flavour)
    if flavour == 'gt15':
        rows = np.concatenate(
            [rows[:, :7], np.ones((len(rows), 2))], axis=1)
    return rows[:, :GT_COLUMNS]


def row_line(path: str, index: int) -> int:
    """The 1-based line number of the ``index``-th row that
    :func:`read_mot_txt` returned (blank lines are not rows)."""
    seen = -1
    with open(path) as f:
        for num, line in enumerate(f, start=1):
            if line.strip():
                seen += 1
                if seen == index:
                    return num
    raise IndexError(f'{path} has no row {index}')


def check_gt(path: str, gt: np.ndarray, length: int) -> None:
    """Refuse, naming the file and line, ground truth that would be lost or
    mixed downstream: no rows at all (every result box would count as a
    false positive), a frame past ``seqLength`` of ``seqinfo.ini`` (the
    converter and the evaluation cut there) or an identity twice in one
    frame.

    Args:
        path (str): the ``gt.txt`` the rows come from.
        gt (np.ndarray): its rows (:func:`read_gt`).
        length (int): the sequence's ``seqLength``.
    """
    if len(gt) == 0:
        raise MOTFormatError(
            f'{path}: no ground-truth rows; a sequence without objects '
            'cannot be scored (leave it out, or drop its gt/ folder for a '
            'test split)')
    bad = np.nonzero((gt[:, 0] > length) | (gt[:, 0] < 1))[0]
    if len(bad):
        frame = int(gt[bad[0], 0])
        where = f'past seqLength={length} of seqinfo.ini' if frame > 1 \
            else 'before frame 1'
        raise MOTFormatError(
            f'{path}:{row_line(path, bad[0])}: frame {frame} is {where} '
            f'({len(bad)} rows)')
    keys = gt[:, 0] * (gt[:, 1].max() + 2) + gt[:, 1]
    _, first, counts = np.unique(keys, return_index=True,
                                 return_counts=True)
    if np.any(counts > 1):
        dup = np.nonzero(keys == keys[first[counts > 1][0]])[0][1]
        raise MOTFormatError(
            f'{path}:{row_line(path, dup)}: identity {int(gt[dup, 1])} '
            f'appears twice in frame {int(gt[dup, 0])}')


def _fmt(value: float, decimals: Optional[int] = 3) -> str:
    if decimals is None:  # as exact as the value: 10 significant digits
        return f'{value:.10g}'
    text = f'{value:.{decimals}f}'.rstrip('0').rstrip('.')
    return '0' if text == '-0' else text


def write_mot_txt(path: str,
                  rows: np.ndarray,
                  kind: str = 'gt',
                  decimals: Optional[int] = 3) -> None:
    """Write rows in MOTChallenge format (frame, id and, for ``'gt'``,
    class as integers; other values with at most ``decimals`` decimals, or
    10 significant digits when None)."""
    int_cols = (0, 1, 7) if kind == 'gt' else (0, 1)
    with open(path, 'w') as f:
        for row in rows:
            f.write(','.join(
                str(int(v)) if i in int_cols else _fmt(v, decimals)
                for i, v in enumerate(row)) + '\n')


def read_seqinfo(seq_dir: str) -> Dict[str, object]:
    """``seqinfo.ini`` of a sequence folder, its keys checked."""
    return read_seqinfo_file(osp.join(seq_dir, 'seqinfo.ini'))


def read_seqinfo_file(path: str) -> Dict[str, object]:
    """A ``seqinfo.ini`` file by its path (whatever its name), its keys
    checked; errors name the file."""
    if not osp.isfile(path):
        raise FileNotFoundError(f'missing seqinfo.ini: {path}')
    parser = configparser.ConfigParser()
    parser.optionxform = str  # keep the keys' case (imDir, ...)
    try:
        parser.read(path)
        sec = parser['Sequence']
    except (configparser.Error, KeyError) as err:
        raise MOTFormatError(f'{path}: no [Sequence] section ({err})')
    missing = [k for k in SEQINFO_KEYS if k not in sec]
    if missing:
        raise MOTFormatError(f'{path}: missing keys {missing}')
    try:
        info = dict(
            name=sec['name'],
            imDir=sec['imDir'],
            frameRate=int(sec['frameRate']),
            seqLength=int(sec['seqLength']),
            imWidth=int(sec['imWidth']),
            imHeight=int(sec['imHeight']),
            imExt=sec['imExt'])
    except ValueError as err:
        raise MOTFormatError(f'{path}: {err}')
    return info


def write_seqinfo(seq_dir: str, name: str, length: int, width: int,
                  height: int, fps: int = 30, ext: str = '.jpg') -> None:
    """Write ``seqinfo.ini`` in MOTChallenge's key order."""
    with open(osp.join(seq_dir, 'seqinfo.ini'), 'w') as f:
        f.write(f'[Sequence]\nname={name}\nimDir=img1\nframeRate={fps}\n'
                f'seqLength={length}\nimWidth={width}\nimHeight={height}\n'
                f'imExt={ext}\n')


def frame_image(seq_dir: str, info: Dict[str, object], frame: int) -> str:
    """Path of a frame's image; a missing one raises, naming it."""
    path = osp.join(seq_dir, str(info['imDir']),
                    f'{frame:06d}{info["imExt"]}')
    if not osp.isfile(path):
        raise FileNotFoundError(f'missing image of frame {frame}: {path}')
    return path


CLASSES = [
    dict(id=1, name='pedestrian'),
    dict(id=2, name='person_on_vehicle'),
    dict(id=3, name='car'),
    dict(id=4, name='bicycle'),
    dict(id=5, name='motorbike'),
    dict(id=6, name='non_mot_vehicle'),
    dict(id=7, name='static_person'),
    dict(id=8, name='distractor'),
    dict(id=9, name='occluder'),
    dict(id=10, name='occluder_on_ground'),
    dict(id=11, name='occluder_full'),
    dict(id=12, name='reflection'),
    dict(id=13, name='crowd'),
]


def list_sequences(split_dir: str) -> List[str]:
    """Sequence folders of a split, sorted; an empty split raises."""
    if not osp.isdir(split_dir):
        raise FileNotFoundError(f'no split folder {split_dir}')
    seqs = sorted(d for d in os.listdir(split_dir)
                  if osp.isdir(osp.join(split_dir, d)))
    if not seqs:
        raise FileNotFoundError(f'no sequence folders in {split_dir}')
    return seqs


SUBSETS = ('train', 'test', 'half-train', 'half-val', 'half-train-fit',
           'half-train-select')


def subset_frames(subset: str, length: int) -> range:
    """MOT frame numbers (1-based) of a (half) split, as MMTracking cuts:
    ``half-train`` is frames 1 .. length // 2 + 1, ``half-val`` the rest;
    ``train`` and ``test`` are every frame. ``half-train-select`` is the
    last quarter of ``half-train`` (rounded down) and ``half-train-fit``
    the rest of it: training on the fit part and choosing schedules on the
    select part keeps half-val unseen until the test."""
    if subset not in SUBSETS:
        raise ValueError(f'subset must be one of {SUBSETS}, got {subset!r}')
    split = length // 2 + 1
    fit_end = split - split // 4
    if subset == 'half-train':
        return range(1, split + 1)
    if subset == 'half-val':
        return range(split + 1, length + 1)
    if subset == 'half-train-fit':
        return range(1, fit_end + 1)
    if subset == 'half-train-select':
        return range(fit_end + 1, split + 1)
    return range(1, length + 1)


def rows_xyxy(rows: np.ndarray) -> np.ndarray:
    """The boxes of MOTChallenge rows (frame, id, x, y, w, h, ...) as
    (x1, y1, x2, y2)."""
    boxes = np.array(rows[:, 2:6], dtype=np.float64)
    boxes[:, 2:] += boxes[:, :2]
    return boxes
