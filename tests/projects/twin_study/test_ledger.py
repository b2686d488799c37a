"""twin_study.Ledger: finished runs recorded under their signature,
reused only under the same one, kept by processes writing side by side."""
import json
import os.path as osp
import subprocess
import sys

import pytest
from twin_study import Ledger

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))
PROJECT = osp.join(ROOT, 'projects', 'twin_study')


def test_an_entry_is_reused_under_its_signature_only(tmp_path):
    path = str(tmp_path / 'ledger.json')
    assert Ledger.lookup(Ledger(path).read(), 'v', 0, 'v_seed0',
                         'a') is None
    Ledger(path).add('v', 0, 'v_seed0', dict(MOTA=0.5), 'a',
                     'best.pth', 'c0ffee', [(150, 0.49), (300, 0.51)])
    record = Ledger(path).read()
    assert Ledger.lookup(record, 'v', 0, 'v_seed0', 'a') == \
        dict(MOTA=0.5)
    assert Ledger.lookup(record, 'v', 1, 'v_seed1', 'a') is None
    assert Ledger.lookup(record, 'v', 0, 'v_seed0', 'b') is None
    assert Ledger.stale_entry(record, 'v_seed0', 'b')
    assert not Ledger.stale_entry(record, 'v_seed0', 'a')
    assert not Ledger.stale_entry(record, 'v_seed1', 'b')
    # compare_twins' format: run name -> seed -> metrics, provenance
    data = json.loads(open(path).read())
    assert data['v'] == {'0': dict(MOTA=0.5)}
    assert data['provenance']['checkpoints'] == {'v_seed0': 'best.pth'}
    assert data['provenance']['test_commits'] == {'v_seed0': 'c0ffee'}
    assert data['provenance']['validation'] == {
        'v_seed0': [[150, 0.49], [300, 0.51]]}
    # a run made again under another config replaces its entry
    Ledger(path).add('v', 0, 'v_seed0', dict(MOTA=0.6), 'b', None,
                     None)
    record = Ledger(path).read()
    assert Ledger.lookup(record, 'v', 0, 'v_seed0', 'b') == \
        dict(MOTA=0.6)
    assert Ledger.lookup(record, 'v', 0, 'v_seed0', 'a') is None


def test_processes_adding_side_by_side_keep_every_entry(tmp_path):
    path = str(tmp_path / 'ledger.json')
    code = ('import sys; sys.path.insert(0, {project!r})\n'
            'from twin_study.ledger import Ledger\n'
            'for i in range(20):\n'
            '    Ledger({path!r}).add("r{p}", i, f"r{p}_seed{{i}}",\n'
            '                         dict(MOTA=i), "s", None, None)\n')
    procs = [subprocess.Popen([sys.executable, '-c', code.format(
        project=PROJECT, path=path, p=p)]) for p in range(3)]
    assert all(p.wait() == 0 for p in procs)
    record = Ledger(path).read()
    for p in range(3):
        assert sorted(record[f'r{p}'], key=int) == [str(i) for i in range(20)]


def test_a_file_that_is_not_a_ledger_is_named(tmp_path):
    path = tmp_path / 'other.json'
    path.write_text('[1, 2]')
    with pytest.raises(SystemExit, match=f'{path} is not a twins ledger'):
        Ledger(str(path)).read()
