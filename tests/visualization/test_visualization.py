"""Pictures: a tracks GIF, training curves, the DHN-vs-Hungarian figure."""
import json
import os.path as osp

import numpy as np
import pytest
from PIL import Image

from mmdeepmot.datasets.mot_challenge_io import write_mot_txt
from mmdeepmot.visualization import (draw_labelled_frame, draw_tracks,
                                     plot_assignment, plot_training)
from mmdeepmot.visualization.track_video import id_colour


def test_tracks_gif_has_a_frame_per_image(tiny_toy_mot, tmp_path):
    seq = osp.join(tiny_toy_mot, 'test', 'TOY-02-SDP')
    out = draw_tracks(seq, osp.join(seq, 'gt', 'gt.txt'),
                      str(tmp_path / 'x.gif'), max_frames=5)
    gif = Image.open(out)
    assert gif.n_frames == 5 and gif.size == (160, 96)
    # boxes are drawn: the first frame differs from the plain image
    plain = np.asarray(Image.open(osp.join(seq, 'img1', '000001.jpg')))
    gif.seek(0)
    drawn = np.asarray(gif.convert('RGB'))
    assert np.abs(drawn.astype(int) - plain.astype(int)).max() > 100
    assert id_colour(3) != id_colour(4) and id_colour(3) == id_colour(3)


def test_frame_with_a_result_files_tracks(tiny_toy_mot, tmp_path):
    seq = osp.join(tiny_toy_mot, 'test', 'TOY-02-SDP')
    # one track, id 7, drawn in its id's colour where the result puts it
    write_mot_txt(str(tmp_path / 'r.txt'),
                  np.array([[2, 7, 10, 20, 30, 40, 0.9]]), 'result')
    gt_only = np.asarray(Image.open(draw_labelled_frame(
        seq, 2, str(tmp_path / 'gt.png'), with_det=False, scale=1)))
    tracks = np.asarray(Image.open(draw_labelled_frame(
        seq, 2, str(tmp_path / 't.png'), with_det=False, scale=1,
        result=str(tmp_path / 'r.txt'))))
    blue, green, red = id_colour(7)
    assert tuple(tracks[30, 10]) == (red, green, blue)  # the box's edge
    assert np.abs(tracks.astype(int) - gt_only.astype(int)).max() > 100


def test_training_curves_from_scalars(tmp_path):
    path = tmp_path / 'scalars.json'
    rows = [dict(iter=i, loss=1.0 / i, loss_dmota=0.5 / i, dmota=1 - 1 / i)
            for i in range(1, 6)]
    path.write_text('\n'.join(json.dumps(r) for r in rows) + '\n')
    out = plot_training({'run': str(path)}, str(tmp_path / 'c.png'))
    assert Image.open(out).size[0] > 300
    empty = tmp_path / 'empty.json'
    empty.write_text(json.dumps(dict(iter=1, lr=0.1)) + '\n')
    with pytest.raises(ValueError, match='no training rows'):
        plot_training({'x': str(empty)}, str(tmp_path / 'd.png'))


def test_assignment_figure(tmp_path):
    d = np.random.default_rng(0).random((3, 4))
    out = plot_assignment(d, d, (d < 0.5).astype(float),
                          str(tmp_path / 'a.png'), 'frame 1')
    assert osp.isfile(out)
    with pytest.raises(ValueError, match='shapes differ'):
        plot_assignment(d, d[:2], d, str(tmp_path / 'b.png'))


def test_curves_read_every_run_of_a_resumed_work_dir(tmp_path):
    from mmdeepmot.visualization import read_scalars, scalar_files

    def run(stamp, iters, loss):
        d = tmp_path / stamp / 'vis_data'
        d.mkdir(parents=True)
        (d / 'scalars.json').write_text('\n'.join(
            json.dumps(dict(iter=i, loss=loss)) for i in iters) + '\n')

    # killed after iteration 7 with a checkpoint at 5; resumed from 5
    run('20260101_000000', range(1, 8), 1.0)
    run('20260101_010000', range(6, 11), 2.0)
    files = scalar_files(str(tmp_path))
    assert len(files) == 2 and files[0] < files[1]
    rows = read_scalars(files)
    assert [r['iter'] for r in rows] == list(range(1, 11))
    assert [r['loss'] for r in rows] == [1.0] * 5 + [2.0] * 5
    out = plot_training({'run': files}, str(tmp_path / 'c.png'))
    assert osp.isfile(out)
    with pytest.raises(FileNotFoundError, match='no \\*/vis_data'):
        scalar_files(str(tmp_path / '20260101_000000'))


def test_validation_panel_from_val_rows_and_references(tmp_path):
    from mmdeepmot.visualization.training_curves import read_validation
    key = 'motchallenge-metric/MOTA'
    train = [dict(iter=i, step=i, loss=1.0 / i) for i in range(1, 5)]
    val = [{key: 0.40, 'step': 2}, {key: 0.45, 'step': 4}]
    first = tmp_path / 'a.json'
    first.write_text('\n'.join(json.dumps(r) for r in train + val) + '\n')
    # a resumed run validated again at iteration 4
    second = tmp_path / 'b.json'
    second.write_text(json.dumps({key: 0.47, 'step': 4}) + '\n' +
                      json.dumps(dict(iter=4, step=4, loss=0.3)) + '\n')
    assert read_validation([str(first), str(second)]) == [(2, 0.40),
                                                          (4, 0.47)]
    assert read_validation(str(first), 'motchallenge-metric/HOTA') == []
    plain = plot_training({'run': str(first)}, str(tmp_path / 'p.png'),
                          validation_key='motchallenge-metric/HOTA')
    with_val = plot_training({'run': [str(first), str(second)]},
                             str(tmp_path / 'v.png'),
                             references={'stage 0': 0.42})
    # one more panel: the validation MOTA
    assert Image.open(with_val).size[0] > Image.open(plain).size[0] + 200


def test_cooccurrence_of_a_clip_with_a_swap(tmp_path):
    from mmdeepmot.visualization import clip_cooccurrence, plot_cooccurrence

    # two objects, 6 frames; the tracks swap ids from frame 4 on
    gt, res = [], []
    for f in range(1, 7):
        for oid, x in ((1, 0.), (2, 50.)):
            gt.append([f, oid, x, 0, 20, 40, 1, 1, 1])
            tid = oid + 10 if f < 4 else 13 - oid
            res.append([f, tid, x + 1, 0, 20, 40, 1])
    counts = clip_cooccurrence(np.array(gt), np.array(res), (1, 6))
    assert counts.track_ids == [11, 12] and counts.object_ids == [1, 2]
    assert counts.cooc.tolist() == [[3, 3], [3, 3]]
    out = plot_cooccurrence(counts, str(tmp_path / 's.png'), 'swap')
    assert Image.open(out).size[0] > 100
