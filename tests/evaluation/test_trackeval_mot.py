"""TrackEval evaluation of result folders (tools/eval_mot.py)."""
import json
import os
import os.path as osp
import shutil
import subprocess
import sys

import numpy as np
import pytest

from mmdeepmot.datasets import motmetrics_data_file
from mmdeepmot.datasets.mot_challenge_io import write_seqinfo
from mmdeepmot.evaluation.trackeval_mot import (evaluate_mot_results,
                                                format_table)
from mmdeepmot.toy.toy_mot import ToyMOTConfig, make_toy_mot

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))


@pytest.fixture(scope='module')
def tud(tmp_path_factory):
    """motmetrics' TUD ground truth and a peer's results, in MOT layout."""
    root = tmp_path_factory.mktemp('tud')
    for seq in ('TUD-Campus', 'TUD-Stadtmitte'):
        src = motmetrics_data_file(seq)
        os.makedirs(root / 'gt' / seq / 'gt')
        os.makedirs(root / 'peer', exist_ok=True)
        shutil.copy(src, root / 'gt' / seq / 'gt' / 'gt.txt')
        shutil.copy(osp.join(osp.dirname(src), 'test.txt'),
                    root / 'peer' / f'{seq}.txt')
        frames = int(np.loadtxt(src, delimiter=',')[:, 0].max())
        write_seqinfo(str(root / 'gt' / seq), seq, frames, 640, 480)
    return root


def test_tud_mota_as_motmetrics(tud, tmp_path):
    out = tmp_path / 'tud.json'
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', 'eval_mot.py'),
         '--gt-root', str(tud / 'gt'), '--results', str(tud / 'peer'),
         '--benchmark', 'MOT15', '--json', str(out)],
        capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert 'OVERALL' in proc.stdout
    seqs = json.loads(out.read_text())['sequences']
    assert seqs['TUD-Campus']['MOTA'] == pytest.approx(0.526, abs=0.01)
    assert seqs['TUD-Stadtmitte']['MOTA'] == pytest.approx(0.564, abs=0.01)
    overall = json.loads(out.read_text())['overall']
    assert set(overall) >= {'HOTA', 'MOTA', 'MOTP', 'IDF1', 'FP', 'FN',
                            'IDSw'}


def test_ground_truth_as_result_is_perfect(tmp_path):
    cfg = ToyMOTConfig(width=160, height=96, num_frames=(10, 12),
                       num_people=(3, 5), train_seqs=1, test_seqs=0,
                       profiles=('SDP', ))
    make_toy_mot(str(tmp_path / 'toy'), seed=1, cfg=cfg)
    split = tmp_path / 'toy' / 'train'
    res = tmp_path / 'res'
    res.mkdir()
    for seq in os.listdir(split):
        gt = np.loadtxt(split / seq / 'gt' / 'gt.txt', delimiter=',')
        np.savetxt(res / f'{seq}.txt', gt[:, :7], delimiter=',', fmt='%g')
    per_seq, overall = evaluate_mot_results(str(split), str(res))
    assert overall['MOTA'] == pytest.approx(1.0)
    assert overall['IDF1'] == pytest.approx(1.0)
    assert overall['FP'] == 0 and overall['FN'] == 0
    assert 'OVERALL' in format_table(per_seq, overall)


def test_missing_result_file_is_an_error(tud, tmp_path):
    only_one = tmp_path / 'partial'
    only_one.mkdir()
    shutil.copy(tud / 'peer' / 'TUD-Campus.txt', only_one)
    with pytest.raises(FileNotFoundError, match='TUD-Stadtmitte'):
        evaluate_mot_results(str(tud / 'gt'), str(only_one),
                             benchmark='MOT15', preprocess=False)


@pytest.mark.parametrize('subset', ['train', 'half-val'])
def test_mot15_ground_truth_replayed_is_perfect(labels_tree, tmp_path,
                                                subset):
    # MOT15's 10-column gt and results (world coordinates where MOT17 has
    # class and visibility): TrackEval must not read world x as a class
    split = osp.join(labels_tree, 'train')
    results = tmp_path / 'results'
    results.mkdir()
    seq = osp.join(split, 'OLD-01')
    rows = np.loadtxt(osp.join(seq, 'gt', 'gt.txt'), delimiter=',')
    if subset == 'half-val':
        rows = rows[rows[:, 0] >= 12 // 2 + 2]
    rows[:, 7:10] = [-4.2, -7.4, 0]  # world coordinates, as MOT15 has
    np.savetxt(results / 'OLD-01.txt', rows, delimiter=',', fmt='%g')
    _, overall = evaluate_mot_results(split, str(results), ['OLD-01'],
                                      subset=subset)
    assert overall['MOTA'] == overall['IDF1'] == 1.0
