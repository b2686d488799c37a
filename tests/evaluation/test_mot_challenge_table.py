"""tools/test.py evaluation: MOTChallengeTableMetrics over MOTResultReplay."""
import os
import os.path as osp
import subprocess
import sys

import cv2
import numpy as np
import pytest

from mmdeepmot.apis import build_runner
from mmdeepmot.data_prep.cocovid import mot_to_cocovid
from mmdeepmot.datasets import motmetrics_data_file
from mmdeepmot.datasets.mot_challenge_io import (read_mot_txt, write_mot_txt,
                                                 write_seqinfo)
from mmdeepmot.toy.toy_mot import ToyMOTConfig, make_toy_mot

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
CONFIG = osp.join(ROOT, 'configs', 'baselines', 'replay-results_toy.py')


def _tud_tree(root: str) -> None:
    """TUD-Campus/Stadtmitte as a MOT17 train split (blank frames)."""
    blank = np.zeros((8, 8, 3), np.uint8)
    os.makedirs(osp.join(root, 'peer'))
    for seq in ('TUD-Campus', 'TUD-Stadtmitte'):
        src = motmetrics_data_file(seq)
        seq_dir = osp.join(root, 'train', seq)
        os.makedirs(osp.join(seq_dir, 'gt'))
        os.makedirs(osp.join(seq_dir, 'img1'))
        gt = read_mot_txt(src, 'gt15')
        # MOT15 rows have no class/visibility: pedestrians, fully visible
        rows = np.concatenate(
            [gt[:, :6], np.ones((len(gt), 3))], axis=1)
        write_mot_txt(osp.join(seq_dir, 'gt', 'gt.txt'), rows, 'gt')
        length = int(gt[:, 0].max())
        write_seqinfo(seq_dir, seq, length, 640, 480)
        for frame in range(1, length + 1):
            cv2.imwrite(osp.join(seq_dir, 'img1', f'{frame:06d}.jpg'), blank)
        peer = read_mot_txt(osp.join(osp.dirname(src), 'test.txt'), 'result')
        write_mot_txt(osp.join(root, 'peer', f'{seq}.txt'), peer, 'result')
    mot_to_cocovid(root, split_train=False, with_det=False)


def _table_row(text: str, name: str) -> list:
    rows = [line.split() for line in text.splitlines()
            if line.startswith(name + ' ')]
    assert rows, f'no {name} row in the output'
    return rows[-1]


def test_tud_through_tools_test_as_motmetrics(tmp_path):
    root = str(tmp_path / 'tud')
    _tud_tree(root)
    work = tmp_path / 'work'
    # a result file an earlier run left in the results folder
    (work / 'results').mkdir(parents=True)
    (work / 'results' / 'MOT17-99-SDP.txt').write_text('1,1,0,0,5,5,1\n')
    (work / 'results' / 'notes.md').write_text('kept')
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', 'test.py'), CONFIG,
         '--work-dir', str(work), '--cfg-options',
         f'test_dataloader.dataset.data_root={root}/',
         'test_dataloader.dataset.ann_file=annotations/train_cocoformat.json',
         'test_dataloader.dataset.data_prefix.img_path=train',
         f'model.results_dir={root}/peer', 'test_evaluator.benchmark=MOT15'],
        capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    log = proc.stdout + proc.stderr
    header = _table_row(log, 'sequence')
    col = header.index('MOTA')
    # motmetrics: 0.526 / 0.564 (TrackEval breaks assignment ties its way)
    assert float(_table_row(log, 'TUD-Campus')[col]) == pytest.approx(
        52.6, abs=1.0)
    assert float(_table_row(log, 'TUD-Stadtmitte')[col]) == pytest.approx(
        56.4, abs=1.0)
    assert _table_row(log, 'OVERALL')
    assert 'removed 1 result file(s) of an earlier run' in log
    assert sorted(p.name for p in (work / 'results').iterdir()) == [
        'TUD-Campus.txt', 'TUD-Stadtmitte.txt', 'notes.md']
    # the result files are written for submission and hold the same rows
    for seq in ('TUD-Campus', 'TUD-Stadtmitte'):
        written = read_mot_txt(str(work / 'results' / f'{seq}.txt'), 'result')
        peer = read_mot_txt(osp.join(root, 'peer', f'{seq}.txt'), 'result')
        np.testing.assert_allclose(written[:, :6], peer[:, :6], atol=1e-3)


@pytest.fixture(scope='module')
def toy_root(tmp_path_factory):
    root = str(tmp_path_factory.mktemp('toy'))
    cfg = ToyMOTConfig(width=160, height=96, num_frames=(8, 10),
                       num_people=(3, 5), train_seqs=1, test_seqs=1,
                       profiles=('SDP', ))
    make_toy_mot(root, seed=3, cfg=cfg)
    mot_to_cocovid(root)
    return root


def _replay(toy_root, results_dir, work_dir, split='test'):
    runner = build_runner(
        CONFIG, work_dir=str(work_dir), cfg_options={
            'test_dataloader.dataset.data_root': toy_root + '/',
            'test_dataloader.dataset.ann_file':
            f'annotations/{split}_cocoformat.json',
            'test_dataloader.dataset.data_prefix.img_path': split,
            'model.results_dir': str(results_dir)})
    metrics = runner.test()
    return runner, {k.split('/')[-1]: v for k, v in metrics.items()}


def test_ground_truth_replayed_is_perfect(toy_root, tmp_path):
    res = tmp_path / 'gt_as_result'
    res.mkdir()
    seqs = os.listdir(osp.join(toy_root, 'test'))
    for seq in seqs:
        gt = read_mot_txt(osp.join(toy_root, 'test', seq, 'gt', 'gt.txt'))
        assert not np.allclose(gt[:, 2:6], np.round(gt[:, 2:6]))
        write_mot_txt(str(res / f'{seq}.txt'), gt[:, :7], 'result')
    runner, metrics = _replay(toy_root, res, tmp_path / 'work')
    assert metrics['MOTA'] == pytest.approx(1.0)
    assert metrics['IDF1'] == pytest.approx(1.0)
    # fractional ground-truth boxes are kept: perfect overlap
    assert metrics['MOTP'] == pytest.approx(1.0, abs=1e-6)
    assert metrics['FP'] == 0 and metrics['FN'] == 0
    table = runner.test_evaluator.metrics[0].per_sequence
    assert sorted(table) == sorted(seqs)
    assert sorted(os.listdir(tmp_path / 'work' / 'results')) == sorted(
        f'{s}.txt' for s in seqs)


def test_missing_result_file_names_the_sequence(toy_root, tmp_path):
    empty = tmp_path / 'empty'
    empty.mkdir()
    with pytest.raises(FileNotFoundError, match='TOY-02-SDP'):
        _replay(toy_root, empty, tmp_path / 'work')
