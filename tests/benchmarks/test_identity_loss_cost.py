"""benchmarks/identity_loss_cost.py runs end to end on a small ground
truth: every variant timed at each clip length, the JSON it writes."""
import json
import os.path as osp
import subprocess
import sys

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))


def test_identity_loss_cost_writes_every_variant(tmp_path):
    gt = tmp_path / 'gt.txt'
    gt.write_text(''.join(f'{f},{i},{10 + 60 * i + f},20,40,90,1,1,1\n'
                          for f in range(1, 13) for i in range(1, 5)))
    out = tmp_path / 'cost.json'
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'benchmarks', 'identity_loss_cost.py'),
         '--gt', str(gt), '--lengths', '3', '8', '--clips', '2',
         '--threads', '1', '--step-ms', '100', '200', '--out', str(out)],
        capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    figures = json.load(open(out))
    assert sorted(figures['ms_per_clip']) == ['3', '8']
    for length, ms in figures['ms_per_clip'].items():
        assert set(ms) == {'dmota+dmotp', '+didf1', '+dhota', '+didf1+dhota'}
        assert all(v > 0 for v in ms.values())
        added = ms['+didf1+dhota'] - ms['dmota+dmotp']
        assert figures['identity_added_ms'][length] == added
        step = {'3': 100, '8': 200}[length]
        assert figures['identity_share_of_step'][length] == added / step
    assert 'provenance' in figures
