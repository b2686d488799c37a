"""tools/ledger_table.py: the README's ablation tables from a ledger, every
seed asked for or an error that names what is missing."""
import os.path as osp
import sys

import pytest

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
sys.path.insert(0, osp.join(ROOT, 'tools'))
import ledger_table  # noqa: E402
import twins_ledger  # noqa: E402

sys.path.pop(0)

KEYS = ('MOTA', 'IDF1', 'HOTA', 'MOTP', 'FP', 'FN', 'IDSw')


def _metrics(mota: float, fp: int) -> dict:
    return dict(MOTA=mota, IDF1=0.5, HOTA=0.4, MOTP=0.8, FP=fp, FN=100,
                IDSw=10)


@pytest.fixture
def ledger(tmp_path):
    path = str(tmp_path / 'runs.json')
    for name, motas, fps in (('v', (0.40, 0.42), (90, 110)),
                             ('d', (0.45, 0.46), (50, 60)),
                             ('s', (0.47, 0.45), (40, 70))):
        for seed, (mota, fp) in enumerate(zip(motas, fps)):
            twins_ledger.add(path, name, seed, f'{name}_seed{seed}',
                             _metrics(mota, fp), 'sig', None, None)
    twins_ledger.add(path, 'd', 2, 'd_seed2', _metrics(0.5, 1), 'sig', None,
                     None)
    return path


def test_means_and_paired_differences(ledger, capsys):
    ledger_table.main([ledger, '--runs', 'v', 'd', 's', '--seeds', '0', '1',
                       '--base', 'd', '--label', 'd=DHN twin'])
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == '| run | seeds | ' + ' | '.join(KEYS) + ' |'
    # means over seeds 0 and 1 only (d's seed 2 is not asked for)
    assert lines[2] == ('| v | 0,1 | 41.0 ± 1.4 | 50.0 ± 0.0 | 40.0 ± 0.0 | '
                        '80.0 ± 0.0 | 100 ± 14 | 100 ± 0 | 10 ± 0 |')
    assert lines[3].startswith('| DHN twin | 0,1 | 45.5 ± 0.7 |')
    # the first run (vanilla) and the base are not paired by default
    assert lines[5:] == [
        '| s - DHN twin | 0 | +2.0 | +0.0 | +0.0 | +0.0 | -10 | +0 | +0 |',
        '| s - DHN twin | 1 | -1.0 | +0.0 | +0.0 | +0.0 | +10 | +0 | +0 |']


def test_a_missing_seed_or_run_is_an_error_naming_it(ledger):
    with pytest.raises(SystemExit, match=r"runs\.json: run 's' lacks "
                       r'seed\(s\) 2 \(it has 0, 1\)'):
        ledger_table.main([ledger, '--runs', 'd', 's', '--seeds', '0', '2',
                           '--base', 'd'])
    with pytest.raises(SystemExit, match=r"has no run 'x' \(it has d, s, v\)"):
        ledger_table.main([ledger, '--runs', 'd', 'x', '--seeds', '0',
                           '--base', 'd'])


def test_options_must_name_listed_runs(ledger, capsys):
    with pytest.raises(SystemExit):
        ledger_table.main([ledger, '--runs', 'v', 'd', '--seeds', '0',
                           '--base', 's'])
    assert '--base names s, not in --runs' in capsys.readouterr().err
