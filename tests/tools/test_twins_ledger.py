"""tools/twins_ledger.py: finished runs recorded under their signature,
reused only under the same one, kept by processes writing side by side."""
import json
import os.path as osp
import subprocess
import sys

import pytest

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
sys.path.insert(0, osp.join(ROOT, 'tools'))
import twins_ledger  # noqa: E402

sys.path.pop(0)


def test_an_entry_is_reused_under_its_signature_only(tmp_path):
    path = str(tmp_path / 'ledger.json')
    assert twins_ledger.lookup(twins_ledger.read(path), 'v', 0, 'v_seed0',
                               'a') is None
    twins_ledger.add(path, 'v', 0, 'v_seed0', dict(MOTA=0.5), 'a',
                     'best.pth', 'c0ffee', [(150, 0.49), (300, 0.51)])
    record = twins_ledger.read(path)
    assert twins_ledger.lookup(record, 'v', 0, 'v_seed0', 'a') == \
        dict(MOTA=0.5)
    assert twins_ledger.lookup(record, 'v', 1, 'v_seed1', 'a') is None
    assert twins_ledger.lookup(record, 'v', 0, 'v_seed0', 'b') is None
    assert twins_ledger.stale_entry(record, 'v_seed0', 'b')
    assert not twins_ledger.stale_entry(record, 'v_seed0', 'a')
    assert not twins_ledger.stale_entry(record, 'v_seed1', 'b')
    # compare_twins' format: run name -> seed -> metrics, provenance
    data = json.loads(open(path).read())
    assert data['v'] == {'0': dict(MOTA=0.5)}
    assert data['provenance']['checkpoints'] == {'v_seed0': 'best.pth'}
    assert data['provenance']['test_commits'] == {'v_seed0': 'c0ffee'}
    assert data['provenance']['validation'] == {
        'v_seed0': [[150, 0.49], [300, 0.51]]}
    # a run made again under another config replaces its entry
    twins_ledger.add(path, 'v', 0, 'v_seed0', dict(MOTA=0.6), 'b', None,
                     None)
    record = twins_ledger.read(path)
    assert twins_ledger.lookup(record, 'v', 0, 'v_seed0', 'b') == \
        dict(MOTA=0.6)
    assert twins_ledger.lookup(record, 'v', 0, 'v_seed0', 'a') is None


def test_processes_adding_side_by_side_keep_every_entry(tmp_path):
    path = str(tmp_path / 'ledger.json')
    code = ('import sys; sys.path.insert(0, {tools!r}); import twins_ledger\n'
            'for i in range(20):\n'
            '    twins_ledger.add({path!r}, "r{p}", i, f"r{p}_seed{{i}}",\n'
            '                     dict(MOTA=i), "s", None, None)\n')
    procs = [subprocess.Popen([sys.executable, '-c', code.format(
        tools=osp.join(ROOT, 'tools'), path=path, p=p)]) for p in range(3)]
    assert all(p.wait() == 0 for p in procs)
    record = twins_ledger.read(path)
    for p in range(3):
        assert sorted(record[f'r{p}'], key=int) == [str(i) for i in range(20)]


def test_a_file_that_is_not_a_ledger_is_named(tmp_path):
    path = tmp_path / 'other.json'
    path.write_text('[1, 2]')
    with pytest.raises(SystemExit, match=f'{path} is not a twins ledger'):
        twins_ledger.read(str(path))
