"""benchmarks/dhn.py runs end to end: generated bands, real matrices of a
MOTChallenge folder, the JSON it writes."""
import json
import os.path as osp
import subprocess
import sys

from mmdeepmot.datasets.mot_challenge_io import write_seqinfo

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))


def _run(*args):
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'benchmarks', 'dhn.py'), *args],
        capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return proc.stdout


def _folder(root):
    seq = root / 'train' / 'SEQ-01-X'
    (seq / 'gt').mkdir(parents=True)
    (seq / 'det').mkdir()
    write_seqinfo(str(seq), 'SEQ-01-X', 2, 640, 480)
    rows = [f'{f},{i},{10 + 60 * i},20,40,90,1,1,1' for f in (1, 2)
            for i in range(1, 5)]
    dets = [f'{f},-1,{12 + 60 * i},21,40,88,0.9' for f in (1, 2)
            for i in range(1, 4)]
    (seq / 'gt' / 'gt.txt').write_text('\n'.join(rows) + '\n')
    (seq / 'det' / 'det.txt').write_text('\n'.join(dets) + '\n')
    return str(root / 'train')


def test_generated_bands_and_json(tmp_path):
    out = tmp_path / 'dhn.json'
    text = _run('--bands', '1-5', '--num', '4', '--repeat', '1',
                '--square', '6', '--out', str(out))
    assert 'one 6x6 matrix' in text and 'ms per matrix' in text
    result = json.loads(out.read_text())
    assert 'benchmarks/dhn.py' in result['provenance']['command']
    shipped = result['networks']['shipped']
    assert shipped['bands']['1-5']['n'] == 4
    assert set(shipped['timing_ms']) == {'1-5', '6x6'}


def test_real_matrices_of_a_folder(tmp_path):
    root = _folder(tmp_path)
    out = tmp_path / 'real.json'
    text = _run('--real', root, '--every', '1', '--no-timing', '--out',
                str(out))
    assert 'real matrices: 2 from 1 sequences (SEQ-01-X)' in text
    bands = json.loads(out.read_text())['networks']['shipped']['bands']
    assert bands['1-5']['n'] == 2 and bands['all']['n'] == 2
