"""The IoU-tracker baseline keeps identities on a scripted scene."""
import numpy as np

from mmdeepmot.baselines.iou_tracker import iou_track


def det_rows(frame, boxes, score=0.9):
    return [[frame, -1, x, y, w, h, score, -1, -1, -1]
            for x, y, w, h in boxes]


def test_two_walkers_keep_ids_and_a_gap_is_bridged():
    rows = []
    for f in range(1, 9):
        boxes = [(10 + 3 * f, 10, 20, 40)]
        if f != 5:  # the second person is missed once
            boxes.append((100 - 3 * f, 10, 20, 40))
        rows += det_rows(f, boxes)
    rows += det_rows(3, [(300, 300, 20, 40)], score=0.1)  # below min_score
    out = iou_track(np.array(rows, dtype=float), 8, min_hits=1)
    ids = {}
    for frame, tid, x, *_ in out:
        ids.setdefault('left' if x < 55 else 'right', set()).add(int(tid))
    assert ids['left'] == {1} and ids['right'] == {2}
    assert len(out) == 15  # 8 + 7 detections reported, the low score not
    assert not (out[:, 2] >= 300).any()


def test_min_hits_delays_reporting():
    rows = det_rows(1, [(0, 0, 10, 10)]) + det_rows(2, [(1, 0, 10, 10)])
    out = iou_track(np.array(rows, dtype=float), 2, min_hits=2)
    assert out[:, 0].tolist() == [2]
