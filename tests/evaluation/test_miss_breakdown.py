"""Misses split by public-detection cover, on hand-made files."""
import pytest

from mmdeepmot.evaluation import miss_breakdown


def _write(path, rows):
    path.write_text(''.join(','.join(map(str, r)) + '\n' for r in rows))
    return str(path)


@pytest.fixture
def files(tmp_path):
    # frames 11-12 (a subset), three people; MOT15 gt: conf then world xyz
    gt = _write(tmp_path / 'gt.txt', [
        (11, 1, 0, 0, 10, 20, 1, -1, -1, -1),
        (11, 2, 50, 0, 10, 20, 1, -1, -1, -1),
        (12, 1, 1, 0, 10, 20, 1, -1, -1, -1),
        (12, 3, 90, 0, 10, 20, 0, -1, -1, -1)])  # conf 0: not counted
    # person 2 has a detection, person 1 in frame 12 has none
    det = _write(tmp_path / 'det.txt', [
        (11, -1, 0, 0, 10, 20, 5.0), (11, -1, 51, 0, 10, 20, 0.1)])
    # the result is numbered from 1 and follows person 1 in frame 1 only
    res = _write(tmp_path / 'res.txt', [(1, 7, 0, 1, 10, 20, 1)])
    return gt, det, res


def test_misses_are_split_by_detection_cover(files):
    out = miss_breakdown(*files)
    assert out == dict(gt=3, FN=2, FN_under_detection=1,
                       FN_without_detection=1, gt_without_detection=1,
                       frame_shift=10)


def test_an_explicit_shift_is_kept(files):
    out = miss_breakdown(*files, frame_shift=0)  # the result misses all
    assert out['FN'] == 3 and out['frame_shift'] == 0
    assert out['FN_under_detection'] == 2
