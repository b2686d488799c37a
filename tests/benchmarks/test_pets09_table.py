"""The PETS09-S2L1 table in README.md and docs/real_pixels.md is the one
benchmarks/pets09_table.py writes from the committed result files."""
import json
import os.path as osp
import subprocess
import sys

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
SCRIPT = osp.join(ROOT, 'benchmarks', 'pets09_table.py')


def test_committed_pages_hold_the_generated_table():
    proc = subprocess.run(
        [sys.executable, SCRIPT, '--check', 'README.md',
         'docs/real_pixels.md'], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr


def test_write_then_check_and_a_stale_page_fails(tmp_path):
    results = tmp_path / 'results'
    results.mkdir()
    figures = dict(MOTA=0.5, IDF1=0.25, HOTA=0.3, MOTP=0.7, FP=3, FN=4,
                   IDSw=5)
    (results / 'kalman_halfval.json').write_text(
        json.dumps(dict(overall=figures)))
    page = tmp_path / 'page.md'
    page.write_text('# x\n<!-- pets09 table -->\nold\n'
                    '<!-- end pets09 table -->\nrest\n')
    args = [sys.executable, SCRIPT, '--results', str(results)]
    proc = subprocess.run(args + ['--check', str(page)],
                          capture_output=True, text=True)
    assert proc.returncode != 0 and 'does not hold' in proc.stderr
    subprocess.run(args + ['--write', str(page)], check=True,
                   capture_output=True)
    text = page.read_text()
    assert '| 50.0 | 25.0 | 30.0 | 70.0 | 3 | 4 | 5 |' in text
    assert text.endswith('<!-- end pets09 table -->\nrest\n')
    assert 'Not run yet' in text and '`iou_halfval.json`' in text
    proc = subprocess.run(args + ['--check', str(page)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
