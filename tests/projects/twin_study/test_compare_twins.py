"""compare_twins.py (projects/twin_study): both twins trained, tested
and tabulated, their output in logs and a short console; a second call
reuses finished runs."""
import json
import os.path as osp
import subprocess
import sys
import time

import pytest
import torch

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))
TOOL = osp.join(ROOT, 'projects', 'twin_study', 'tools', 'compare_twins.py')


def compare(work, options, *extra, ok=True):
    proc = subprocess.run(
        [sys.executable, TOOL,
         'tracktor', '--seeds', '0', '--work-dir', str(work),
         '--cfg-options', *options, 'load_from=None',
         'model.unroll_cfg.obj_score_thr=0.0', 'train_cfg.max_iters=1',
         *extra],
        capture_output=True, text=True, cwd=ROOT)
    if not ok:
        return proc
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc.stdout


def count(path, text):
    return path.read_text().count(text) if path.exists() else 0


def test_compare_twins_trains_tests_and_reuses(toy_options, tmp_path):
    ledger = tmp_path / 'ledger.json'
    out = compare(tmp_path, toy_options, '--ledger', str(ledger))
    assert '| vanilla_tracktor_toy | 0 |' in out
    assert '| deepmot_tracktor_toy | 0 |' in out
    assert 'per seed' in out
    runs = json.loads((tmp_path / 'tracktor_twins.json').read_text())
    prov = runs.pop('provenance')
    assert 'compare_twins.py' in prov['command'] and prov['threads'] == 2
    assert set(runs) == {'vanilla_tracktor_toy', 'deepmot_tracktor_toy'}
    # each run tested with the checkpoint its validation kept
    assert prov['checkpoints'] == {
        f'{name}_seed0': 'best_motchallenge-metric_MOTA_iter_1.pth'
        for name in runs}
    for name in runs:
        assert (tmp_path / f'{name}_seed0' / 'iter_1.pth').exists()
        assert (tmp_path / f'{name}_seed0' / 'results' /
                'TOY-02-SDP.txt').exists()
    # the console: one line per run and the table, no config dumps; the
    # tools' output is in each run's logs
    assert 'vanilla_tracktor_toy seed 0: MOTA' in out
    assert 'randomness' not in out and len(out.splitlines()) < 30, out
    logs = {name: (tmp_path / f'{name}_seed0' / 'train.log',
                   tmp_path / f'{name}_seed0' / 'test.log') for name in runs}
    for train_log, test_log in logs.values():
        assert count(train_log, 'Saving checkpoint') == 1
        assert count(test_log, 'metrics written to') == 1
    # --ledger: another work dir (another checkout) reuses the runs the
    # ledger holds, neither trained nor tested again
    kept = json.loads(ledger.read_text())
    assert kept['vanilla_tracktor_toy']['0'] == runs['vanilla_tracktor_toy'][
        '0']
    assert kept['provenance']['checkpoints'] == prov['checkpoints']
    # with each run's validation curve (the folders do not last)
    for name in runs:
        curve = kept['provenance']['validation'][f'{name}_seed0']
        assert [i for i, _ in curve] == [1] and curve[0][1] <= 1  # MOTA
    fresh = tmp_path / 'fresh'
    reused = compare(fresh, toy_options, '--ledger', str(ledger))
    assert reused.count('from the ledger') == 2
    assert not (fresh / 'vanilla_tracktor_toy_seed0').exists()
    row = [line for line in out.splitlines()
           if line.startswith('| deepmot_tracktor_toy | 0 |')]
    assert row and row[0] in reused
    # --finished-only: seed 1 is named, not trained; seed 0 tabulated
    partial = compare(tmp_path, toy_options, '--finished-only', '--seeds',
                      '0', '1')
    assert 'not finished: ' in partial and '_seed1 is not trained' in partial
    assert not (tmp_path / 'vanilla_tracktor_toy_seed1').exists()
    record = json.loads((tmp_path / 'tracktor_twins.json').read_text())
    assert list(record['vanilla_tracktor_toy']) == ['0']
    assert len(record['provenance']['not_finished']) == 2
    # finished runs are neither trained nor tested again
    again = compare(tmp_path, toy_options)
    assert 'deepmot_tracktor_toy seed 0: MOTA' in again
    for train_log, test_log in logs.values():
        assert count(train_log, 'Saving checkpoint') == 1
        assert count(test_log, 'metrics written to') == 1
    # other test data (the same videos, named otherwise): tested again,
    # not trained again
    compare(tmp_path, toy_options,
            'test_dataloader.dataset.video_name_contains=SDP')
    for train_log, test_log in logs.values():
        assert count(train_log, 'Saving checkpoint') == 1
        assert count(test_log, 'metrics written to') == 2
    # --verbose streams the tools' output
    verbose = compare(tmp_path, toy_options,
                      'test_dataloader.dataset.video_name_contains=TOY',
                      '--verbose')
    assert verbose.count('metrics written to') == 2
    # other tracker options: the kept checkpoints were chosen on
    # validation under the old ones, so the folders are refused
    proc = compare(tmp_path, toy_options, 'model.tracker.obj_score_thr=0.4',
                   ok=False)
    assert proc.returncode == 1, proc.stdout[-2000:]
    assert 'the options its checkpoint was chosen under' in proc.stderr
    # another training setting in the same folders: refused, not mixed
    proc = compare(tmp_path, toy_options, 'optim_wrapper.optimizer.lr=0.5',
                   ok=False)
    assert proc.returncode == 1
    run = tmp_path / 'vanilla_tracktor_toy_seed0'
    assert f'error: {run} was trained under another config' in proc.stderr
    assert 'differs in optim_wrapper' in proc.stderr
    for train_log, _ in logs.values():
        assert count(train_log, 'Saving checkpoint') == 1
    # --stage0: the starting weights tested, and validated for the curves
    start = tmp_path / 'vanilla_tracktor_toy_seed0' / 'iter_1.pth'
    proc = compare(tmp_path, toy_options, f'load_from={start}', '--stage0',
                   '--ledger', str(ledger), ok=False)
    assert 'stage0_tracktor_toy (stage 0): MOTA' in proc.stdout
    stage0 = tmp_path / 'stage0_tracktor_toy'
    # the twins' finished runs started from other weights: refused
    assert proc.returncode == 1 and 'differs in load_from' in proc.stderr
    for split in ('test', 'val'):
        metrics = json.loads((stage0 / f'{split}_metrics.json').read_text())
        assert 'MOTA' in metrics['overall'], split
    # the ledger keeps its validation figure as the curve's iteration 0
    kept = json.loads(ledger.read_text())['provenance']['validation']
    assert kept['stage0_tracktor_toy'] == [[0, metrics['overall']['MOTA']]]


def test_compare_twins_names_the_log_of_a_failed_run(toy_options, tmp_path):
    proc = compare(tmp_path, toy_options,
                   'train_dataloader.dataset.ann_file=missing.json', ok=False)
    log = tmp_path / 'vanilla_tracktor_toy_seed0' / 'train.log'
    assert proc.returncode != 0
    assert f'train failed (exit 1); its output is in {log}' in proc.stderr
    assert 'missing.json' in log.read_text()


def test_table_has_mean_std_and_paired_differences():
    from twin_study import twins_table

    def row(mota, idf1, fp):
        return dict(MOTA=mota, IDF1=idf1, HOTA=0.4, MOTP=0.8, FP=fp,
                    FN=100, IDSw=10)

    runs = {'stage0_t': {'stage0': row(0.45, 0.44, 90)},
            'vanilla_t': {0: row(0.40, 0.40, 100), 1: row(0.42, 0.41, 120)},
            'deepmot_t': {0: row(0.43, 0.45, 80), 1: row(0.41, 0.44, 130)}}
    text = twins_table(runs, [0, 1])
    assert '| stage0_t | - | 45.0 | 44.0 |' in text
    # mean ± sample std (0.40, 0.42: 41.0 ± 1.4; 100, 120: 110 ± 14)
    assert '| **vanilla_t** | mean | 41.0 ± 1.4 | 40.5 ± 0.7 |' in text
    assert '| 110 ± 14 |' in text
    # paired differences, signed, then their mean ± std
    assert '| difference | 0 | +3.0 | +5.0 | +0.0 | +0.0 | -20 |' in text
    assert '| difference | 1 | -1.0 | +3.0 |' in text
    assert '| **difference** | mean | +1.0 ± 2.8 | +4.0 ± 1.4 |' in text
    assert 'per seed: +3.00, -1.00 (DeepMOT ahead on 1 of 2 seeds)' in text


def test_tested_checkpoint_is_the_kept_best_else_the_last(tmp_path):
    from twin_study import runs as tool
    final = str(tmp_path / 'iter_4.pth')
    (tmp_path / 'iter_4.pth').write_bytes(b'')
    assert tool.tested_checkpoint(str(tmp_path), final) == final
    (tmp_path / 'best_motchallenge-metric_MOTA_iter_2.pth').write_bytes(b'')
    assert tool.tested_checkpoint(str(tmp_path), final) == str(
        tmp_path / 'best_motchallenge-metric_MOTA_iter_2.pth')
    (tmp_path / 'best_motchallenge-metric_MOTA_iter_4.pth').write_bytes(b'')
    with pytest.raises(RuntimeError, match='2 best checkpoints'):
        tool.tested_checkpoint(str(tmp_path), final)


def test_a_missing_ablation_config_is_named(tmp_path):
    proc = subprocess.run(
        [sys.executable, TOOL,
         'tracktor', '--deepmot-config', 'configs/nope.py', '--work-dir',
         str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
    assert '--deepmot-config configs/nope.py: no such file' in proc.stderr


def test_run_lock_makes_a_second_process_wait(tmp_path):
    from twin_study import runs as tool
    holder = subprocess.Popen(
        [sys.executable, '-c',
         'import fcntl, sys, time\n'
         f'f = open({str(tmp_path / ".lock")!r}, "w")\n'
         'fcntl.flock(f, fcntl.LOCK_EX)\n'
         'print("held", flush=True)\n'
         'time.sleep(1.5)\n'], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == 'held'
    start = time.time()
    with tool.run_lock(str(tmp_path)):
        waited = time.time() - start
    holder.wait()
    assert waited > 0.5
    # free again: taken at once
    start = time.time()
    with tool.run_lock(str(tmp_path)):
        assert time.time() - start < 0.5


def test_run_signature_follows_what_the_figures_depend_on():
    from twin_study import PAIRS, RunContext
    tool = RunContext(threads=1)
    config = PAIRS['tracktor'][0]
    base = tool.run_signature(config, {}, 0)
    assert tool.run_signature(config, {}, 0) == base
    assert tool.run_signature(config, {}, 1) != base
    assert tool.run_signature(
        config, {'optim_wrapper.optimizer.lr': 0.5}, 0) != base
    assert tool.run_signature(
        config, {'model.tracker.obj_score_thr': 0.3}, 0) != base
    # the stage-0 run depends on the weights, not on the schedule
    stage0 = tool.run_signature(config, {})
    assert tool.run_signature(
        config, {'optim_wrapper.optimizer.lr': 0.5}) == stage0
    assert tool.run_signature(config, {'load_from': 'other.pth'}) != stage0
    assert RunContext(threads=2).run_signature(config, {}, 0) != base


def test_a_run_killed_in_its_last_validation_is_resumed(
        toy_options, tmp_path):
    compare(tmp_path, toy_options)
    run = tmp_path / 'vanilla_tracktor_toy_seed0'
    best = run / 'best_motchallenge-metric_MOTA_iter_1.pth'
    assert best.exists()
    # iter_1.pth was written again after the validation that made the best
    # checkpoint, and says so: nothing to make up
    last = run / 'iter_1.pth'
    ckpt = torch.load(last, weights_only=False)
    assert ckpt['meta']['validated_iter'] == 1
    # the state a kill during the final validation leaves: the checkpoint
    # as written before it, no validation row, no best checkpoint
    ckpt['meta']['validated_iter'] = None
    for key in ('best_score', 'best_ckpt'):
        ckpt['message_hub']['runtime_info'].pop(key)
    torch.save(ckpt, last)
    best.unlink()
    for scalars in run.glob('*/vis_data/scalars.json'):
        rows = [line for line in scalars.read_text().splitlines()
                if 'motchallenge-metric/MOTA' not in line]
        scalars.write_text(''.join(f'{line}\n' for line in rows))
    compare(tmp_path, toy_options)
    log = (run / 'train.log').read_text()
    assert log.count('validating before training goes on') == 1
    assert best.exists()
    # the twin that finished is left alone
    twin = (tmp_path / 'deepmot_tracktor_toy_seed0' / 'train.log').read_text()
    assert 'validating before' not in twin


def test_a_folder_of_another_seed_is_refused(tmp_path):
    """A run folder trained by hand under another seed (no train.log, so
    no dumped config is compared) is refused by its checkpoint's seed."""
    from twin_study import runs
    torch.save(dict(meta=dict(seed=1), state_dict={}),
               tmp_path / 'iter_300.pth')
    runs.check_seed(1, str(tmp_path))
    with pytest.raises(SystemExit, match='trained with seed 1, not 0'):
        runs.check_seed(0, str(tmp_path))
