"""tools/compare_twins.py: both twins trained, tested and tabulated; a
second call reuses finished runs."""
import json
import os.path as osp
import subprocess
import sys

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))


def compare(work, root, *extra):
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', 'compare_twins.py'),
         'tracktor', '--seeds', '0', '--work-dir', str(work),
         '--cfg-options', f'train_dataloader.dataset.data_root={root}/',
         f'test_dataloader.dataset.data_root={root}/',
         'train_dataloader.num_workers=0',
         'train_dataloader.persistent_workers=False',
         'test_dataloader.num_workers=0',
         'test_dataloader.persistent_workers=False', 'load_from=None',
         'model.unroll_cfg.obj_score_thr=0.0', 'train_cfg.max_iters=1',
         *extra],
        capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc.stdout


def test_compare_twins_trains_tests_and_reuses(tiny_toy_mot, tmp_path):
    out = compare(tmp_path, tiny_toy_mot)
    assert '| vanilla_tracktor_toy | 0 |' in out
    assert '| deepmot_tracktor_toy | 0 |' in out
    assert 'per seed' in out
    runs = json.loads((tmp_path / 'tracktor_twins.json').read_text())
    assert 'compare_twins.py' in runs.pop('provenance')['command']
    assert set(runs) == {'vanilla_tracktor_toy', 'deepmot_tracktor_toy'}
    for name in runs:
        assert (tmp_path / f'{name}_seed0' / 'iter_1.pth').exists()
        assert (tmp_path / f'{name}_seed0' / 'results' /
                'TOY-02-SDP.txt').exists()
    # finished runs are neither trained nor tested again
    again = compare(tmp_path, tiny_toy_mot)
    assert out.count('metrics written to') == 2
    assert out.count('Saving checkpoint') == 2
    assert 'Saving checkpoint' not in again
    assert 'metrics written to' not in again
    # other test-time settings: tested again, not trained again
    changed = compare(tmp_path, tiny_toy_mot,
                      'model.tracker.obj_score_thr=0.4')
    assert 'Saving checkpoint' not in changed
    assert changed.count('metrics written to') == 2
