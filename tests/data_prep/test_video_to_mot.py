"""tools/video2mot.py and mmdeepmot.data_prep.video_to_mot: a video and its
labels into a MOTChallenge sequence folder (a short video written here; the
real PETS09-S2L1 video where ../shared/data has it)."""
import os
import os.path as osp
import subprocess
import sys

import cv2
import numpy as np
import pytest

from mmdeepmot.data_prep.video_to_mot import (MARKER, VideoLabels,
                                              _partial_dir, video_to_mot)
from mmdeepmot.datasets.mot_challenge_io import (MOTFormatError, read_mot_txt,
                                                 read_seqinfo, write_mot_txt,
                                                 write_seqinfo)

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
SIZE = (160, 120)
FRAMES = 12


def _write_video(path, frames=FRAMES, size=SIZE):
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*'MJPG'), 7,
                             size)
    assert writer.isOpened()
    for i in range(frames):
        img = np.full((size[1], size[0], 3), 20 * i % 255, np.uint8)
        cv2.rectangle(img, (10 + 5 * i, 30), (30 + 5 * i, 80),
                      (0, 0, 255), -1)
        writer.write(img)
    writer.release()
    return str(path)


@pytest.fixture
def video_files(tmp_path):
    """A 12-frame 160x120 video, MOT15-style gt (10 columns) and det, and
    its seqinfo.ini."""
    video = _write_video(tmp_path / 'clip.avi')
    gt = np.array([[f, 1, 10 + 5 * (f - 1), 30, 21, 51, 1, -1, -1, -1]
                   for f in range(1, FRAMES + 1)], float)
    det = np.array([[f, -1, 11 + 5 * (f - 1), 31, 20, 50, 40.5 + f, -1, -1,
                     -1] for f in range(FRAMES, 0, -1)], float)
    write_mot_txt(str(tmp_path / 'gt.txt'), gt, 'gt15')
    write_mot_txt(str(tmp_path / 'det.txt'), det, 'det')
    info_dir = tmp_path / 'info'
    info_dir.mkdir()
    write_seqinfo(str(info_dir), 'CLIP-01', FRAMES, *SIZE, fps=7)
    return dict(video=video, gt=str(tmp_path / 'gt.txt'),
                det=str(tmp_path / 'det.txt'),
                seqinfo=str(info_dir / 'seqinfo.ini'), tmp=tmp_path)


def _labels(files, **changes):
    args = dict(gt=files['gt'], det=files['det'], seqinfo=files['seqinfo'])
    args.update(changes)
    return VideoLabels(**args)


def test_frames_labels_and_seqinfo_scaled(video_files):
    out = str(video_files['tmp'] / 'data' / 'train' / 'CLIP-01')
    record = video_to_mot(video_files['video'], out, _labels(video_files),
                          scale=0.5, progress=False)
    assert record['frames'] == FRAMES and record['size'] == [80, 60]
    frames = sorted(os.listdir(osp.join(out, 'img1')))
    assert frames == [f'{i:06d}.jpg' for i in range(1, FRAMES + 1)]
    img = cv2.imread(osp.join(out, 'img1', '000004.jpg'))
    assert img.shape == (60, 80, 3)
    # frame i of the video is frame i of the folder: the red box moves
    red = np.nonzero(img[:, :, 2] > 150)[1]
    assert abs(red.min() - (10 + 5 * 3) / 2) <= 1.5
    info = read_seqinfo(out)
    assert (info['name'], info['seqLength'], info['imWidth'],
            info['imHeight'], info['frameRate']) == ('CLIP-01', FRAMES, 80,
                                                     60, 7)
    for name, kind in (('gt', 'gt15'), ('det', 'det')):
        a = read_mot_txt(video_files[name], kind)
        b = read_mot_txt(osp.join(out, name, f'{name}.txt'), kind)
        np.testing.assert_allclose(b[:, 2:6], a[:, 2:6] * 0.5, atol=1e-6)
        # ids, scores, world coordinates and row order pass unchanged
        np.testing.assert_array_equal(np.delete(b, [2, 3, 4, 5], 1),
                                      np.delete(a, [2, 3, 4, 5], 1))
    assert osp.isfile(osp.join(out, MARKER))
    assert not osp.exists(_partial_dir(out))


@pytest.mark.parametrize('change,message', [
    (dict(seqinfo_length=FRAMES + 1), 'seqLength=13, but'),
    (dict(seqinfo_size=(161, 120)), 'imWidth x imHeight = 161x120'),
    (dict(gt_past_end=True), 'gt_long.txt:13: ground truth names frame 13'),
    (dict(det_past_end=True), 'det_long.txt:1: a detection names frame 13'),
])
def test_refusals_name_the_file_and_write_nothing(video_files, change,
                                                  message):
    tmp = video_files['tmp']
    labels = _labels(video_files)
    if 'seqinfo_length' in change or 'seqinfo_size' in change:
        size = change.get('seqinfo_size', SIZE)
        write_seqinfo(str(tmp / 'info'), 'CLIP-01',
                      change.get('seqinfo_length', FRAMES), *size, fps=7)
    if change.get('gt_past_end'):
        gt = read_mot_txt(video_files['gt'], 'gt15')
        extra = gt[-1:].copy()
        extra[0, 0] = FRAMES + 1
        write_mot_txt(str(tmp / 'gt_long.txt'), np.concatenate([gt, extra]),
                      'gt15')
        labels = _labels(video_files, gt=str(tmp / 'gt_long.txt'))
    if change.get('det_past_end'):
        det = read_mot_txt(video_files['det'], 'det')
        det[0, 0] = FRAMES + 1
        write_mot_txt(str(tmp / 'det_long.txt'), det, 'det')
        labels = _labels(video_files, det=str(tmp / 'det_long.txt'))
    out = str(tmp / 'out' / 'CLIP-01')
    with pytest.raises(MOTFormatError, match=message.replace('.', r'\.')):
        video_to_mot(video_files['video'], out, labels, progress=False)
    assert not osp.exists(out) and not osp.exists(_partial_dir(out))


def test_interrupted_run_leaves_no_finished_looking_folder(
        video_files, monkeypatch):
    out = str(video_files['tmp'] / 'out' / 'CLIP-01')
    calls = []

    def failing_imwrite(path, img, params=None):
        calls.append(path)
        if len(calls) == 5:
            raise KeyboardInterrupt  # a kill between two frames
        return real_imwrite(path, img, params)

    real_imwrite = cv2.imwrite
    monkeypatch.setattr(cv2, 'imwrite', failing_imwrite)
    with pytest.raises(KeyboardInterrupt):
        video_to_mot(video_files['video'], out, _labels(video_files),
                     progress=False)
    assert not osp.exists(out) and not osp.exists(_partial_dir(out))
    monkeypatch.undo()
    # a run killed outright (SIGKILL) leaves its hidden partial folder;
    # the next run replaces it and never takes it for a result
    partial = _partial_dir(out)
    os.makedirs(osp.join(partial, 'img1'))
    open(osp.join(partial, 'img1', '000001.jpg'), 'w').close()
    video_to_mot(video_files['video'], out, _labels(video_files),
                 progress=False)
    assert len(os.listdir(osp.join(out, 'img1'))) == FRAMES
    assert not osp.exists(partial)


def test_existing_output_refused_unless_an_earlier_one(video_files):
    out = video_files['tmp'] / 'out'
    out.mkdir()
    (out / 'notes.txt').write_text('mine')
    with pytest.raises(FileExistsError, match='not empty'):
        video_to_mot(video_files['video'], str(out), progress=False)
    with pytest.raises(FileExistsError, match='not a video2mot output'):
        video_to_mot(video_files['video'], str(out), overwrite=True,
                     progress=False)
    assert (out / 'notes.txt').exists()
    (out / 'notes.txt').unlink()
    first = video_to_mot(video_files['video'], str(out), progress=False)
    assert first['name'] == 'out' and first['fps'] == 7
    # frames only, no labels; a second run replaces it only when asked
    assert sorted(os.listdir(out)) == sorted(['img1', MARKER,
                                              'seqinfo.ini'])
    with pytest.raises(FileExistsError, match='not empty'):
        video_to_mot(video_files['video'], str(out), progress=False)
    video_to_mot(video_files['video'], str(out), _labels(video_files),
                 overwrite=True, progress=False)
    assert osp.isfile(out / 'gt' / 'gt.txt')


def test_tool_reports_refusals(video_files):
    out = str(video_files['tmp'] / 'tool' / 'CLIP-01')
    write_seqinfo(str(video_files['tmp'] / 'info'), 'CLIP-01', 20, *SIZE)
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', 'video2mot.py'),
         video_files['video'], out, '--seqinfo', video_files['seqinfo']],
        capture_output=True, text=True)
    assert proc.returncode != 0
    assert 'error:' in proc.stderr and 'seqLength=20' in proc.stderr
    assert not osp.exists(out)
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', 'video2mot.py'),
         str(video_files['tmp'] / 'missing.avi'), out],
        capture_output=True, text=True)
    assert proc.returncode != 0 and 'no video file' in proc.stderr
