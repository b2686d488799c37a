"""tools/render_mot.py and mmdeepmot.data_prep.render_mot: frames drawn from
labels-only MOTChallenge trees (a MOT15/MOT17-style tree written here, and
two real MOT17 sequences from ../shared/data when present)."""
import os
import os.path as osp
import subprocess
import sys

import cv2
import mmengine
import numpy as np
import pytest

from mmdeepmot.data_prep.render_mot import RenderConfig, VideoScene, render_mot
from mmdeepmot.datasets.mot_challenge_io import (MOTFormatError, read_gt,
                                                 read_mot_txt, read_seqinfo,
                                                 write_mot_txt)
from mmdeepmot.evaluation.trackeval_mot import evaluate_mot_results

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))


def test_render_tree_layout_and_scaled_labels(labels_tree, tmp_path):
    out = str(tmp_path / 'drawn')
    render_mot(labels_tree, out, RenderConfig(scale=0.5, chunk=4),
               progress=False)
    for name, length, size in (('OLD-01', 12, (100, 60)),
                               ('NEW-02-DPM', 10, (300, 150)),
                               ('NEW-02-SDP', 10, (300, 150))):
        src = osp.join(labels_tree, 'train', name)
        dst = osp.join(out, 'train', name)
        info = read_seqinfo(dst)
        assert (info['imWidth'], info['imHeight']) == size
        assert info['seqLength'] == length and info['name'] == name
        frames = sorted(os.listdir(osp.join(dst, 'img1')))
        assert frames == [f'{i:06d}.jpg' for i in range(1, length + 1)]
        img = cv2.imread(osp.join(dst, 'img1', frames[0]))
        assert img.shape == (size[1], size[0], 3)
        # labels scaled, in their own flavour and row order
        for sub, kind in (('gt/gt.txt', 'gt15' if name == 'OLD-01' else
                           'gt'), ('det/det.txt', 'det')):
            a = read_mot_txt(osp.join(src, sub), kind)
            b = read_mot_txt(osp.join(dst, sub), kind)
            assert a.shape == b.shape
            np.testing.assert_allclose(b[:, 2:6], a[:, 2:6] * 0.5,
                                       atol=1e-6)
            np.testing.assert_array_equal(np.delete(b, [2, 3, 4, 5], 1),
                                          np.delete(a, [2, 3, 4, 5], 1))
    # DPM-like negative scores pass unchanged
    det = read_mot_txt(osp.join(out, 'train', 'OLD-01', 'det', 'det.txt'),
                       'det')
    assert det[:, 6].min() < 0
    # variants of one video share their frames through a link
    sdp = osp.join(out, 'train', 'NEW-02-SDP', 'img1')
    assert osp.islink(sdp) and not osp.islink(
        osp.join(out, 'train', 'NEW-02-DPM', 'img1'))
    assert osp.realpath(sdp) == osp.realpath(
        osp.join(out, 'train', 'NEW-02-DPM', 'img1'))
    # CocoVID annotations of every subset, MOT15 rows as pedestrians
    for subset, frames in (('train', 32), ('half-train', 7 + 6 + 6),
                           ('half-val', 5 + 4 + 4)):
        ann = mmengine.load(osp.join(out, 'annotations',
                                     f'{subset}_cocoformat.json'))
        assert len(ann['images']) == frames
    ann = mmengine.load(osp.join(out, 'annotations',
                                 'train_cocoformat.json'))
    video = [v['id'] for v in ann['videos'] if v['name'] == 'OLD-01'][0]
    images = {i['id'] for i in ann['images'] if i['video_id'] == video}
    old = [a for a in ann['annotations'] if a['image_id'] in images]
    assert len(old) == 9 * 3 and {a['category_id'] for a in old} == {1}
    assert {a['category_id'] for a in ann['annotations']} == set(
        range(1, 14))
    assert osp.isfile(osp.join(out, 'annotations',
                               'half-val_detections.pkl'))


def test_objects_starting_late_leave_background_frames(labels_tree,
                                                       tmp_path):
    out = str(tmp_path / 'drawn')
    render_mot(labels_tree, out, RenderConfig(scale=0.5, noise_std=0),
               seqs=['OLD-01'], progress=False)
    img = osp.join(out, 'train', 'OLD-01', 'img1')
    first = cv2.imread(osp.join(img, '000001.jpg')).astype(int)
    third = cv2.imread(osp.join(img, '000003.jpg')).astype(int)
    fourth = cv2.imread(osp.join(img, '000004.jpg')).astype(int)
    assert np.abs(first - third).max() == 0  # background only, no noise
    assert np.abs(first - fourth).max() > 100  # the walkers arrive


def test_back_to_front_by_bottom_edge():
    cfg = RenderConfig(noise_std=0, looks=50)
    scene = VideoScene(cfg, 'video', 200, 200)
    # id 1 stands nearer (bottom edge 150) than id 2 (bottom 120) and is
    # listed first: it must still cover id 2 where they overlap
    rows = np.array([[1, 1, 50, 50, 60, 100, 1, 1, 1],
                     [1, 2, 60, 20, 60, 100, 1, 1, 1]], dtype=float)
    img = scene.draw(1, rows)
    torso_near = np.array(scene.look(1, 'walker')[0])
    # a pixel inside both torsos: x 80, y 100
    np.testing.assert_array_equal(img[100, 80], torso_near)
    img_swapped = scene.draw(1, rows[::-1].copy())
    np.testing.assert_array_equal(img, img_swapped)


def test_looks_persist_and_are_shared():
    cfg = RenderConfig(looks=3)
    a = VideoScene(cfg, 'video', 64, 64)
    b = VideoScene(cfg, 'video', 64, 64)
    looks = [a.look(i, 'walker') for i in range(1, 31)]
    assert looks == [b.look(i, 'walker') for i in range(1, 31)]
    # 30 identities on 3 looks: alike (one palette entry, shifted a bit)
    index = [a.look_index(i) for i in range(1, 31)]
    assert set(index) == {0, 1, 2}
    i, j = [k for k in range(30) if index[k] == index[0]][:2]
    diff = np.abs(np.array(looks[i]) - np.array(looks[j]))
    assert 0 < diff.max() < 60
    other = VideoScene(RenderConfig(looks=3, seed=1), 'video', 64, 64)
    assert other.look(1, 'walker') != a.look(1, 'walker')


def test_same_frames_whatever_processes_and_selection(labels_tree, tmp_path):
    one = str(tmp_path / 'one')
    two = str(tmp_path / 'two')
    sel = str(tmp_path / 'sel')
    render_mot(labels_tree, one, RenderConfig(scale=0.5, chunk=3),
               progress=False)
    render_mot(labels_tree, two, RenderConfig(scale=0.5, chunk=7), nproc=2,
               progress=False)
    render_mot(labels_tree, sel, RenderConfig(scale=0.5), progress=False,
               seqs=['NEW-02-SDP'])
    for seq in ('OLD-01', 'NEW-02-SDP'):
        for frame in ('000001.jpg', '000009.jpg'):
            paths = [osp.join(root, 'train', seq, 'img1', frame)
                     for root in (one, two, sel) if osp.isdir(
                         osp.join(root, 'train', seq))]
            data = [open(p, 'rb').read() for p in paths]
            assert all(d == data[0] for d in data)
    assert not osp.islink(osp.join(sel, 'train', 'NEW-02-SDP', 'img1'))


def test_refusals(labels_tree, tmp_path):
    out = str(tmp_path / 'drawn')
    render_mot(labels_tree, out, RenderConfig(scale=0.25), progress=False,
               seqs=['OLD-01'])
    with pytest.raises(FileExistsError, match='--overwrite'):
        render_mot(labels_tree, out, progress=False, seqs=['OLD-01'])
    # an earlier render is replaced, nothing of it kept
    render_mot(labels_tree, out, RenderConfig(scale=0.25), progress=False,
               seqs=['NEW-02-DPM'], overwrite=True)
    assert os.listdir(osp.join(out, 'train')) == ['NEW-02-DPM']
    other = tmp_path / 'mine'
    other.mkdir()
    (other / 'notes.txt').write_text('keep me')
    with pytest.raises(FileExistsError, match='refusing'):
        render_mot(labels_tree, str(other), overwrite=True, progress=False)
    assert (other / 'notes.txt').exists()
    with pytest.raises(ValueError, match='NOPE'):
        render_mot(labels_tree, str(tmp_path / 'x'), seqs=['NOPE'],
                   progress=False)
    # a gt row past seqLength, an identity twice in a frame
    gt_file = osp.join(labels_tree, 'train', 'OLD-01', 'gt', 'gt.txt')
    lines = open(gt_file).read().splitlines()
    with open(gt_file, 'w') as f:
        f.write('\n'.join(lines + ['13,1,5,5,10,20,1,-1,-1,-1']) + '\n')
    with pytest.raises(MOTFormatError,
                       match=rf'gt.txt:{len(lines) + 1}: frame 13 is past'):
        render_mot(labels_tree, str(tmp_path / 'y'), progress=False)
    with open(gt_file, 'w') as f:
        f.write('\n'.join(lines + [lines[-1]]) + '\n')
    with pytest.raises(MOTFormatError, match='appears twice in frame 12'):
        render_mot(labels_tree, str(tmp_path / 'z'), progress=False)


def test_tool_command_line(labels_tree, tmp_path):
    out = tmp_path / 'drawn'
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', 'render_mot.py'),
         labels_tree, str(out), '--scale', '0.25', '--seqs', 'OLD-01'],
        capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert 'drew 1 videos (12 frames) for 1 sequences' in proc.stdout
    assert (out / 'annotations' / 'half-val_cocoformat.json').exists()
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', 'render_mot.py'),
         labels_tree, str(out)], capture_output=True, text=True)
    assert proc.returncode != 0 and '--overwrite' in proc.stderr


def test_real_mot17_sequences(mot17_labels, tmp_path):
    """Two MOT17 videos (MOT17-05: 640x480, 14 fps; MOT17-09 in its three
    variants: DPM's 10-column det with negative scores, FRCNN's unsorted)
    drawn small; gt replayed as results scores MOTA 100 on half-val."""
    out = str(tmp_path / 'drawn')
    seqs = ['MOT17-05-SDP', 'MOT17-09-DPM', 'MOT17-09-FRCNN',
            'MOT17-09-SDP']
    render_mot(mot17_labels, out, RenderConfig(scale=0.1), seqs=seqs,
               nproc=2, progress=False)
    for seq in seqs:
        src = osp.join(mot17_labels, 'train', seq)
        dst = osp.join(out, 'train', seq)
        info, src_info = read_seqinfo(dst), read_seqinfo(src)
        assert info['seqLength'] == src_info['seqLength']
        assert info['imWidth'] == round(src_info['imWidth'] * 0.1)
        assert len(os.listdir(osp.join(dst, 'img1'))) == info['seqLength']
        a, b = read_gt(osp.join(src, 'gt', 'gt.txt')), read_gt(
            osp.join(dst, 'gt', 'gt.txt'))
        # 1920 x 0.1 = 192 exactly; MOT17-05's 480 x 0.1 = 48
        np.testing.assert_allclose(b[:, 2:6], a[:, 2:6] * 0.1, atol=1e-5)
        da = read_mot_txt(osp.join(src, 'det', 'det.txt'), 'det')
        db = read_mot_txt(osp.join(dst, 'det', 'det.txt'), 'det')
        np.testing.assert_array_equal(db[:, [0, 6]], da[:, [0, 6]])
    frcnn = read_mot_txt(osp.join(out, 'train', 'MOT17-09-FRCNN', 'det',
                                  'det.txt'), 'det')
    assert np.any(np.diff(frcnn[:, 0]) < 0)  # order kept: not sorted
    dpm = read_mot_txt(osp.join(out, 'train', 'MOT17-09-DPM', 'det',
                                'det.txt'), 'det')
    assert dpm.shape[1] == 10 and dpm[:, 6].min() < 0
    results = tmp_path / 'gt_results'
    results.mkdir()
    for seq in seqs:
        gt = read_gt(osp.join(out, 'train', seq, 'gt',
                              'gt_half-val.txt'))
        gt = gt[(gt[:, 7] == 1) & (gt[:, 6] == 1)]
        write_mot_txt(str(results / f'{seq}.txt'), gt[:, :7], 'result',
                      decimals=6)
    _, overall = evaluate_mot_results(osp.join(out, 'train'), str(results),
                                      seqs, subset='half-val')
    assert overall['MOTA'] == 1.0 and overall['IDF1'] == 1.0
