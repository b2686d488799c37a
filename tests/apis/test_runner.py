"""build_runner: the tools' command-line overrides."""
import os.path as osp

from mmdeepmot.apis import build_runner

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
CONFIG = osp.join(ROOT, 'configs', 'toy', 'deepmot_box_refiner_toy.py')


def test_resume_without_checkpoint_keeps_load_from(tmp_path):
    runner = build_runner(CONFIG, work_dir=str(tmp_path / 'fresh'),
                          cfg_options={'load_from': 'weights.pth'},
                          resume='auto')
    assert runner._load_from == 'weights.pth' and not runner._resume


def test_resume_picks_latest_checkpoint(tmp_path):
    work = tmp_path / 'run'
    work.mkdir()
    (work / 'iter_5.pth').write_bytes(b'')
    (work / 'last_checkpoint').write_text(str(work / 'iter_5.pth'))
    runner = build_runner(CONFIG, work_dir=str(work),
                          cfg_options={'load_from': 'weights.pth'},
                          resume='auto')
    assert runner._resume and runner._load_from == str(work / 'iter_5.pth')


def test_results_dir_defaults_to_work_dir(tmp_path):
    cfg = osp.join(ROOT, 'configs', 'mot', 'replay_results.py')
    runner = build_runner(cfg, work_dir=str(tmp_path))
    assert runner.cfg.test_evaluator.results_dir == str(tmp_path / 'results')
    runner = build_runner(cfg, work_dir=str(tmp_path), results_dir='/x/y')
    assert runner.cfg.test_evaluator.results_dir == '/x/y'
