"""benchmarks/miss_breakdown.py: rows written with their command; --keep
adds rows to a file's earlier ones and refuses another ground truth."""
import json
import os.path as osp
import subprocess
import sys

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
TOOL = osp.join(ROOT, 'benchmarks', 'miss_breakdown.py')


def _write(path, rows):
    path.write_text(''.join(','.join(map(str, r)) + '\n' for r in rows))
    return str(path)


def _run(out, gt, det, *results, keep=False):
    return subprocess.run(
        [sys.executable, TOOL, str(out), '--gt', gt, '--det', det,
         *results] + (['--keep'] if keep else []),
        capture_output=True, text=True, cwd=ROOT)


def test_keep_adds_rows_and_keeps_the_earlier_command(tmp_path):
    gt = _write(tmp_path / 'gt.txt', [(1, 1, 0, 0, 10, 20, 1, -1, -1, -1),
                                      (1, 2, 50, 0, 10, 20, 1, -1, -1, -1)])
    det = _write(tmp_path / 'det.txt', [(1, -1, 0, 0, 10, 20, 5.0)])
    hit = _write(tmp_path / 'hit.txt', [(1, 7, 0, 0, 10, 20, 1)])
    none = _write(tmp_path / 'none.txt', [(1, 7, 200, 0, 10, 20, 1)])
    out = tmp_path / 'out.json'
    assert _run(out, gt, det, f'a={hit}').returncode == 0
    first = json.loads(out.read_text())
    proc = _run(out, gt, det, f'b={none}', keep=True)
    assert proc.returncode == 0, proc.stderr
    both = json.loads(out.read_text())
    assert both['trackers']['a'] == first['trackers']['a']
    assert both['trackers']['b']['FN'] == 2
    assert both['trackers']['a']['FN'] == 1
    assert both['earlier_provenance'] == [first['provenance']]
    assert 'b=' in both['provenance']['command']
    # another ground truth: refused, the file left as it was
    other = _write(tmp_path / 'gt2.txt', [(1, 1, 0, 0, 10, 20, 1, -1, -1, -1)])
    proc = _run(out, other, det, f'a={hit}', keep=True)
    assert proc.returncode != 0 and 'gt=' in proc.stderr
    assert json.loads(out.read_text()) == both


def test_identity_breaks_tool_writes_rows_with_their_command(tmp_path):
    gt = _write(tmp_path / 'gt.txt', [(f, 1, 0, 0, 10, 20, 1, -1, -1, -1)
                                      for f in (1, 2)])
    res = _write(tmp_path / 'res.txt', [(1, 1, 0, 0, 10, 20, 1),
                                        (2, 2, 0, 0, 10, 20, 1)])
    out = tmp_path / 'out.json'
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'benchmarks', 'identity_breaks.py'),
         str(out), '--gt', gt, f'a={res}'],
        capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(out.read_text())
    assert record['trackers']['a']['new_id'] == 1
    assert 'identity_breaks.py' in record['provenance']['command']
