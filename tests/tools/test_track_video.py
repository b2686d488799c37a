"""tools/track_video.py: a plain video tracked with the tracker's own
detector into a MOTChallenge result file and an annotated video; what it
cannot read is refused before a model is loaded."""
import os.path as osp
import subprocess
import sys

import cv2
import numpy as np

from mmdeepmot.datasets.mot_challenge_io import read_mot_txt

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
CONFIG = osp.join(ROOT, 'configs', 'deepmot_tracktor',
                  'deepmot_tracktor_r18-c16-fpn_1xb2-clip3-600it_toy.py')
CKPT = osp.join(ROOT, 'checkpoints', 'tracktor_detector_toy.pth')


def _video(path, frames=4, size=(192, 128)):
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*'MJPG'), 7,
                             size)
    for t in range(frames):
        img = np.full((size[1], size[0], 3), 90, np.uint8)
        x = 20 + 10 * t  # a bright upright block walking right
        img[40:100, x:x + 24] = (40, 200, 230)
        writer.write(img)
    writer.release()
    return path


def _run(*args):
    return subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', 'track_video.py'),
         *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def test_tracks_a_video_into_results_and_an_annotated_video(tmp_path):
    video = _video(tmp_path / 'walk.avi')
    out = tmp_path / 'out'
    proc = _run(video, CONFIG, CKPT, '--out-dir', out)
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = read_mot_txt(str(out / 'walk.txt'), 'result')
    if len(rows):  # whatever the toy detector finds is written whole
        assert set(rows[:, 0]) <= {1, 2, 3, 4}
        assert (rows[:, 4:6] > 0).all() and (rows[:, 7:] == -1).all()
    cap = cv2.VideoCapture(str(out / 'walk.mp4'))
    assert int(cap.get(cv2.CAP_PROP_FRAME_COUNT)) == 4
    assert not list(out.glob('*.part*'))
    # outputs are not replaced silently
    again = _run(video, CONFIG, CKPT, '--out-dir', out)
    assert again.returncode == 2 and 'pass --overwrite' in again.stderr


def test_unreadable_video_is_refused(tmp_path):
    bad = tmp_path / 'bad.avi'
    bad.write_bytes(b'not a video')
    proc = _run(bad, CONFIG, CKPT, '--out-dir', tmp_path / 'o')
    assert proc.returncode == 2
    assert f'{bad}: OpenCV cannot decode a frame' in proc.stderr
    proc = _run(tmp_path / 'none.avi', CONFIG, CKPT, '--out-dir', tmp_path)
    assert 'no such video file' in proc.stderr
