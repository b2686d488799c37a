"""ledger_table.py (projects/twin_study): the ablation tables from a
ledger, every seed asked for or an error that names what is missing."""
import os.path as osp
import re
import sys

import pytest

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))
sys.path.insert(0, osp.join(ROOT, 'projects', 'twin_study', 'tools'))
import ledger_table  # noqa: E402

sys.path.pop(0)
from twin_study import PAIRS, Ledger, RunContext  # noqa: E402

# run names (the configs' former names, which the ledgers keep) -> configs
CONFIGS = dict(zip(('vanilla_tracktor_toy', 'deepmot_tracktor_toy'),
                   PAIRS['tracktor']))

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
            Ledger(path).add(name, seed, f'{name}_seed{seed}',
                             _metrics(mota, fp), 'sig', None, None)
    Ledger(path).add('d', 2, 'd_seed2', _metrics(0.5, 1), 'sig', None,
                     None)
    return path


def test_means_and_paired_differences(ledger, capsys):
    ledger_table.main([ledger, '--runs', 'v', 'd', 's', '--seeds', '0', '1',
                       '--base', 'd', '--label', 'd=DHN twin',
                       '--any-config'])
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
                           '--base', 'd', '--any-config'])
    with pytest.raises(SystemExit, match=r"has no run 'x' \(it has d, s, v\)"):
        ledger_table.main([ledger, '--runs', 'd', 'x', '--seeds', '0',
                           '--base', 'd', '--any-config'])


def test_options_must_name_listed_runs(ledger, capsys):
    with pytest.raises(SystemExit):
        ledger_table.main([ledger, '--runs', 'v', 'd', '--seeds', '0',
                           '--base', 's'])
    assert '--base names s, not in --runs' in capsys.readouterr().err


def test_an_entry_of_another_config_is_refused(tmp_path, capsys):
    """A ledger entry is read only under the signature its run's config
    gives now: one made under another schedule or thread count is an
    error naming it, never a row mixing two schedules."""
    context = RunContext(threads=1)
    path = str(tmp_path / 'runs.json')
    vanilla, deepmot = 'vanilla_tracktor_toy', 'deepmot_tracktor_toy'
    for seed in (0, 1):
        for name in (vanilla, deepmot):
            signature = context.run_signature(
                CONFIGS[name], {}, seed)
            # deepmot's seed 1 was made under another schedule
            if name == deepmot and seed == 1:
                signature = context.run_signature(
                    CONFIGS[name], {'train_cfg.max_iters': 7}, seed)
            Ledger(path).add(name, seed, f'{name}_seed{seed}',
                             _metrics(0.4 + 0.1 * seed, 10), signature,
                             None, None)
    runs = ['--runs', vanilla, deepmot, '--base', vanilla]
    ledger_table.main([path, '--seeds', '0', *runs])
    assert f'| {deepmot} | 0 | 40.0 | ' in capsys.readouterr().out
    with pytest.raises(SystemExit, match=rf"run '{deepmot}' seed\(s\) 1 "
                       r'were made under another config or thread count '
                       rf'than .*{re.escape(CONFIGS[deepmot])} at '
                       r'OMP_NUM_THREADS=1'):
        ledger_table.main([path, '--seeds', '0', '1', *runs])
    # the thread count is part of the signature
    with pytest.raises(SystemExit, match=r"seed\(s\) 0 were made under "
                       r'another config or thread count .*THREADS=2'):
        ledger_table.main([path, '--seeds', '0', '--threads', '2', *runs])
    # a config named by hand is the one checked against
    with pytest.raises(SystemExit, match=rf"run '{vanilla}' seed\(s\) 0 "):
        ledger_table.main([path, '--seeds', '0', *runs, '--config',
                           f'{vanilla}={CONFIGS[deepmot]}'])
    ledger_table.main([path, '--seeds', '0', '1', *runs, '--any-config'])
    out = capsys.readouterr()
    assert f'| {deepmot} | 0,1 | 45.0 ± 7.1 |' in out.out
    assert 'signatures not checked' in out.err


def test_a_run_without_one_config_must_be_named(ledger):
    with pytest.raises(SystemExit, match=r"run 'v' has 0 configs named "
                       r'v\.py under configs/ \(none\); name it with '
                       r'--config v=PATH'):
        ledger_table.main([ledger, '--runs', 'v', 'd', '--seeds', '0',
                           '--base', 'd'])


def test_a_config_named_by_hand_must_exist(ledger, capsys):
    with pytest.raises(SystemExit):
        ledger_table.main([ledger, '--runs', 'v', 'd', '--seeds', '0',
                           '--base', 'd', '--config', 'v=configs/none.py'])
    assert '--config v=configs/none.py: no such file' in \
        capsys.readouterr().err
