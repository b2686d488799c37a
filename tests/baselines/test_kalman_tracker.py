"""The Kalman-filter baseline (MMTracking's ByteTracker and Kalman filter
on public boxes) and the baseline runner: tracks, tuning on other frames,
the tool."""
import json
import os.path as osp
import subprocess
import sys

import numpy as np
import pytest

from mmdeepmot.baselines import kalman_track
from mmdeepmot.baselines.public_tracking import track_split, tune
from mmdeepmot.datasets.mot_challenge_io import read_mot_txt

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))


def det_rows(frame, boxes, score=90.0):
    return [[frame, -1, x, y, w, h, score, -1, -1, -1]
            for x, y, w, h in boxes]


def test_ids_kept_through_a_crossing_and_a_missed_frame():
    rows = []
    for f in range(1, 21):
        boxes = [(10 + 8 * f, 50, 20, 50)]  # walks right
        if f != 10:  # the other one is missed once, mid-crossing
            boxes.append((180 - 8 * f, 52, 20, 50))
        rows += det_rows(f, boxes)
    rows += det_rows(5, [(400, 300, 20, 50)], score=5.0)  # a weak false one
    out = kalman_track(np.array(rows, float), range(1, 21), score_scale=100)
    ids = {}
    for frame, tid, x, y, *_ in out:
        ids.setdefault('right' if y < 51 else 'left', set()).add(int(tid))
    # the filter's constant-velocity prediction carries both through the
    # crossing and the miss: one id each, the weak box never a track
    assert ids['right'] == {1} and ids['left'] == {2}
    assert not (out[:, 2] >= 400).any()
    assert len(out) == 20 + 19


def test_starts_afresh_at_the_first_frame_of_a_subset():
    rows = det_rows(5, [(0, 0, 10, 20)]) + det_rows(6, [(1, 0, 10, 20)])
    out = kalman_track(np.array(rows, float), range(5, 7), score_scale=100)
    assert out[:, 0].tolist() == [5, 6] and set(out[:, 1]) == {1}
    with pytest.raises(ValueError, match='score_scale'):
        kalman_track(np.array(rows, float), range(5, 7), score_scale=0)


def test_tune_then_track_and_the_tool(labels_tree, tmp_path):
    split = osp.join(labels_tree, 'train')
    rows = tune(split, str(tmp_path / 'tune'), 'iou', 'half-train',
                dict(min_score=[0.0, 10.0]))
    assert [r['options']['min_score'] for r in rows][0] == 0.0
    # the MOT15-style video's detections score -0.5..3: only a threshold
    # below them tracks anything
    assert rows[0]['metrics']['MOTA'] > rows[1]['metrics']['MOTA']
    out = str(tmp_path / 'results')
    seqs = track_split(split, out, 'kalman', 'half-val',
                       dict(score_scale=1.0, init_track_thr=0.1))
    res = read_mot_txt(osp.join(out, 'OLD-01.txt'), 'result')
    assert res[:, 0].min() >= 8  # half-val frames only (12 // 2 + 2)
    (tmp_path / 'results' / 'stale.txt').write_text('')
    with pytest.raises(FileExistsError, match='stale'):
        track_split(split, out, 'kalman', 'half-val')
    assert seqs == ['NEW-02-DPM', 'NEW-02-SDP', 'OLD-01']
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', 'baseline_track.py'),
         split, '--tracker', 'kalman', '--subset', 'half-val', '--out',
         str(tmp_path / 'tool'), '--tune-on', 'half-train', '--grid',
         'init_track_thr=0.1,0.9', '--json', str(tmp_path / 'k.json')],
        capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    record = json.load(open(tmp_path / 'k.json'))
    assert record['tuned_on'] == 'half-train' and len(record['tuning']) == 2
    assert record['options'] == record['tuning'][0]['options']
    assert 'tools/baseline_track.py' in record['provenance']['command']
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', 'baseline_track.py'),
         split, '--out', str(tmp_path / 'x'), '--subset', 'half-val',
         '--tune-on', 'half-val', '--grid', 'init_track_thr=0.1'],
        capture_output=True, text=True)
    assert proc.returncode != 0 and 'must differ' in proc.stderr
