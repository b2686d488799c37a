"""tools/mot2cocovid.py and tools/eval_mot.py refuse ground truth that
would be dropped or mixed (rows past seqLength, an identity twice in a
frame, no rows), and eval_mot.py result files of other sequences."""
import os.path as osp
import re
import subprocess
import sys

import numpy as np
import pytest

from mmdeepmot.datasets.mot_challenge_io import write_mot_txt, write_seqinfo

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))


def gt_rows(frames, ids):
    return np.array([[f, i, 10 * i, 10, 20, 40, 1, 1, 1.0]
                     for f in frames for i in ids], dtype=float)


def tree(tmp_path, rows, length=10):
    seq = tmp_path / 'mot' / 'train' / 'SEQ-01'
    (seq / 'gt').mkdir(parents=True)
    write_seqinfo(str(seq), 'SEQ-01', length, 320, 240)
    write_mot_txt(str(seq / 'gt' / 'gt.txt'), rows, 'gt')
    return tmp_path / 'mot'


def tool(name, *args):
    return subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', name), *map(str, args)],
        capture_output=True, text=True, cwd=ROOT)


@pytest.mark.parametrize('rows,length,message', [
    # seqLength smaller than the frames of gt.txt (boxes would be dropped)
    (gt_rows(range(1, 31), [1, 2]), 10, 'gt.txt:21: frame 11 is past '
     r'seqLength=10 of seqinfo.ini \(40 rows\)'),
    # one row past seqLength
    (np.concatenate([gt_rows(range(1, 11), [1]), gt_rows([11], [1])]), 10,
     'gt.txt:11: frame 11 is past seqLength=10'),
    # an identity twice in one frame
    (np.concatenate([gt_rows(range(1, 11), [1, 2]), gt_rows([4], [2])]),
     10, 'gt.txt:21: identity 2 appears twice in frame 4'),
    # no rows at all
    (np.zeros((0, 9)), 10, 'no ground-truth rows'),
])
def test_bad_ground_truth_is_refused(tmp_path, rows, length, message):
    root = tree(tmp_path, rows, length)
    proc = tool('mot2cocovid.py', root, '--no-det')
    assert proc.returncode != 0
    assert 'Traceback' not in proc.stderr
    assert re.search(message, proc.stderr), proc.stderr
    assert not (root / 'annotations' / 'train_cocoformat.json').exists()
    results = tmp_path / 'res'
    results.mkdir()
    write_mot_txt(str(results / 'SEQ-01.txt'),
                  np.array([[1, 1, 10, 10, 20, 40, 1, -1, -1, -1.]]),
                  'result')
    proc = tool('eval_mot.py', '--gt-root', root / 'train', '--results',
                results)
    assert proc.returncode != 0
    assert re.search(message, proc.stderr), proc.stderr


def test_eval_refuses_result_files_of_other_sequences(tmp_path):
    root = tree(tmp_path, gt_rows(range(1, 11), [1, 2]))
    results = tmp_path / 'res'
    results.mkdir()
    rows = np.concatenate([gt_rows(range(1, 11), [1, 2])[:, :7],
                           -np.ones((20, 3))], axis=1)
    write_mot_txt(str(results / 'SEQ-01.txt'), rows, 'result')
    write_mot_txt(str(results / 'OLD-07.txt'), rows, 'result')
    proc = tool('eval_mot.py', '--gt-root', root / 'train', '--results',
                results)
    assert proc.returncode != 0
    assert "not in" in proc.stderr and "['OLD-07']" in proc.stderr
    proc = tool('eval_mot.py', '--gt-root', root / 'train', '--results',
                results, '--seqs', 'SEQ-01')
    assert proc.returncode == 0, proc.stderr
    assert 'not scored (not in --seqs): OLD-07' in proc.stdout
    assert 'OVERALL' in proc.stdout


@pytest.mark.parametrize('length', [1, 2, 10, 600, 837])
def test_half_train_fit_and_select_cut_half_train(length):
    from mmdeepmot.datasets.mot_challenge_io import subset_frames
    half = list(subset_frames('half-train', length))
    fit = list(subset_frames('half-train-fit', length))
    select = list(subset_frames('half-train-select', length))
    # disjoint, in order, together half-train; select is its last quarter
    assert fit + select == half
    assert len(select) == len(half) // 4
    assert not set(select) & set(subset_frames('half-val', length))
    with pytest.raises(ValueError, match="'half-test'"):
        subset_frames('half-test', length)
