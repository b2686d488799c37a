"""The generated MOT17-layout data set and its CocoVID conversion."""
import filecmp
import os
import os.path as osp
import subprocess
import sys

import numpy as np
import pytest

from mmdeepmot.data_prep.cocovid import mot_to_cocovid
from mmdeepmot.datasets.mot_challenge_io import (MOTFormatError, read_mot_txt,
                                                 read_seqinfo)
from mmdeepmot.toy.toy_mot import (ToyMOTConfig, make_toy_mot,
                                   simulate_sequence, visibilities)

SMALL = ToyMOTConfig(width=200, height=120, num_frames=(12, 16),
                     num_people=(4, 8), train_seqs=1, test_seqs=1,
                     profiles=('DPM', 'SDP'))


@pytest.fixture(scope='module')
def toy_root(tmp_path_factory):
    root = str(tmp_path_factory.mktemp('toy'))
    make_toy_mot(root, seed=5, cfg=SMALL)
    return root


def test_layout_and_names(toy_root):
    assert sorted(os.listdir(osp.join(toy_root, 'train'))) == [
        'TOY-01-DPM', 'TOY-01-SDP']
    seq = osp.join(toy_root, 'train', 'TOY-01-DPM')
    info = read_seqinfo(seq)
    assert info['name'] == 'TOY-01-DPM' and info['imWidth'] == 200
    images = sorted(os.listdir(osp.join(seq, 'img1')))
    assert len(images) == info['seqLength']
    assert images[0] == '000001.jpg'


def test_deterministic_for_a_seed(toy_root, tmp_path):
    again = str(tmp_path / 'again')
    make_toy_mot(again, seed=5, cfg=SMALL)
    for rel in ('train/TOY-01-DPM/gt/gt.txt', 'train/TOY-01-SDP/det/det.txt',
                'test/TOY-02-DPM/img1/000003.jpg'):
        assert filecmp.cmp(osp.join(toy_root, rel), osp.join(again, rel),
                           shallow=False), rel
    other = str(tmp_path / 'other')
    make_toy_mot(other, seed=6, cfg=SMALL)
    assert not filecmp.cmp(osp.join(toy_root, 'train/TOY-01-DPM/gt/gt.txt'),
                           osp.join(other, 'train/TOY-01-DPM/gt/gt.txt'),
                           shallow=False)


def test_files_parse_back_to_the_simulation(toy_root):
    seq = osp.join(toy_root, 'train', 'TOY-01-DPM')
    gt = read_mot_txt(osp.join(seq, 'gt', 'gt.txt'), 'gt')
    length = read_seqinfo(seq)['seqLength']
    sim = simulate_sequence(np.random.default_rng([5, 1, 1]), SMALL, length)
    drawn = np.concatenate(sim.frames_gt)
    assert gt.shape == drawn.shape
    assert np.allclose(gt, drawn, atol=1e-3)
    vis = gt[:, 8]
    assert ((vis >= 0) & (vis <= 1)).all() and (vis < 1).any()
    det = read_mot_txt(osp.join(seq, 'det', 'det.txt'), 'det')
    assert (det[:, 1] == -1).all() and ((det[:, 6] >= 0) &
                                        (det[:, 6] <= 1)).all()
    clean = read_mot_txt(
        osp.join(toy_root, 'train', 'TOY-01-SDP', 'det', 'det.txt'), 'det')
    # the clean profile misses less than the noisy one
    assert len(clean) >= len(det) * 0.9


def test_visibility_matches_drawn_occlusion():
    boxes = np.array([[0., 0., 10., 10.], [5., 0., 15., 10.],
                      [90., 0., 110., 10.]])  # last one half outside
    vis = visibilities(boxes, width=100, height=50)
    assert vis.tolist() == pytest.approx([0.5, 1.0, 0.5])


def test_cocovid_matches_gt(toy_root):
    from mmtrack.datasets import MOTChallengeDataset
    from mmtrack.utils import register_all_modules
    register_all_modules()
    files = mot_to_cocovid(toy_root)
    assert [osp.basename(f) for f in files] == [
        'train_cocoformat.json', 'half-train_cocoformat.json',
        'half-val_cocoformat.json', 'half-train-fit_cocoformat.json',
        'half-train-select_cocoformat.json', 'test_cocoformat.json']
    ds = MOTChallengeDataset(
        data_root=toy_root, ann_file='annotations/train_cocoformat.json',
        data_prefix=dict(img_path='train'), test_mode=True,
        load_as_video=True, visibility_thr=-1, ref_img_sampler=None,
        pipeline=[dict(type='LoadImageFromFile'),
                  dict(type='LoadTrackAnnotations', with_instance_id=True)])
    gt = read_mot_txt(
        osp.join(toy_root, 'train', 'TOY-01-DPM', 'gt', 'gt.txt'), 'gt')
    for idx in (0, 5):
        item = ds[idx]
        frame = item['frame_id'] + 1
        rows = gt[gt[:, 0] == frame]
        expect = np.concatenate([rows[:, 2:4], rows[:, 2:4] + rows[:, 4:6]],
                                1)
        assert item['img'].shape == (120, 200, 3)
        assert np.allclose(item['gt_bboxes'], expect, atol=1e-3)
    half = read_mot_txt(osp.join(toy_root, 'train', 'TOY-01-DPM', 'gt',
                                 'gt_half-val.txt'), 'gt')
    assert half[:, 0].min() == gt[:, 0].max() // 2 + 2


@pytest.mark.parametrize('line,error', [
    ('1,2,3,4,5', 'expected 9'),
    ('1,2,a,4,5,6,1,1,1', 'not a number'),
    ('0,2,3,4,5,6,1,1,1', 'frame must be'),
    ('1,2,3,4,-5,6,1,1,1', 'width and height'),
    ('1,2,3,4,5,6,1,1,1.5', 'visibility'),
    ('1,2,3,nan,5,6,1,1,1', 'NaN'),
])
def test_malformed_gt_names_file_and_line(tmp_path, line, error):
    path = tmp_path / 'gt.txt'
    path.write_text('1,1,10,10,5,5,1,1,1\n' + line + '\n')
    with pytest.raises(MOTFormatError, match=f'gt.txt:2: .*{error}'):
        read_mot_txt(str(path), 'gt')


def test_missing_files_are_named(tmp_path, toy_root):
    with pytest.raises(FileNotFoundError, match='seqinfo.ini'):
        read_seqinfo(str(tmp_path))
    root = tmp_path / 'copy'
    import shutil
    shutil.copytree(toy_root, root)
    os.remove(root / 'train' / 'TOY-01-SDP' / 'img1' / '000004.jpg')
    with pytest.raises(FileNotFoundError, match='TOY-01-SDP.*000004.jpg'):
        mot_to_cocovid(str(root))


def test_an_existing_data_set_is_never_mixed_into(tmp_path):
    root = str(tmp_path / 'toy')
    make_toy_mot(root, seed=5, cfg=SMALL)
    stale = osp.join(root, 'train', 'TOY-09-DPM')
    os.makedirs(stale)
    with pytest.raises(FileExistsError, match='--overwrite'):
        make_toy_mot(root, seed=6, cfg=SMALL)
    make_toy_mot(root, seed=6, cfg=SMALL, overwrite=True)
    assert not osp.exists(stale)  # nothing of the older set survives
    # a folder make_toy_mot did not write is never deleted
    other = tmp_path / 'mine'
    other.mkdir()
    (other / 'keep.txt').write_text('x')
    with pytest.raises(FileExistsError, match='refusing to delete'):
        make_toy_mot(str(other), seed=6, cfg=SMALL, overwrite=True)
    assert (other / 'keep.txt').exists()
    tool = osp.join(osp.dirname(osp.dirname(osp.dirname(
        osp.abspath(__file__)))), 'tools', 'make_toy_mot.py')
    proc = subprocess.run([sys.executable, tool, root, '--no-cocovid'],
                          capture_output=True, text=True)
    assert proc.returncode != 0 and 'pass --overwrite' in proc.stderr


def test_make_toy_mot_reuse_keeps_the_same_set_only(tmp_path):
    out = tmp_path / 'toy'
    tool = osp.join(osp.dirname(osp.dirname(osp.dirname(
        osp.abspath(__file__)))), 'tools', 'make_toy_mot.py')

    def make(*extra):
        proc = subprocess.run(
            [sys.executable, tool, str(out), '--width', '96', '--height',
             '64', '--frames', '6', '8', '--people', '2', '3',
             '--train-seqs', '1', '--test-seqs', '1', '--reuse', *extra],
            capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr[-2000:]
        return proc.stdout

    assert 'wrote' in make()
    stamp = (out / 'annotations' / 'train_cocoformat.json').stat().st_mtime
    assert 'already holds this data set' in make()
    assert stamp == (out / 'annotations' /
                     'train_cocoformat.json').stat().st_mtime
    # another seed: written anew
    assert 'wrote' in make('--seed', '1')
    assert '"seed": 1' in (out / 'make_toy_mot.json').read_text()
