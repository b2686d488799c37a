"""build_runner: the tools' command-line overrides."""
import os
import os.path as osp

from mmdeepmot.apis import build_runner

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
CONFIG = osp.join(ROOT, 'configs', 'deepmot_box_refiner',
                  'deepmot_box-refiner_1xb4-60it_toy.py')


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
    cfg = osp.join(ROOT, 'configs', 'baselines', 'replay-results_toy.py')
    runner = build_runner(cfg, work_dir=str(tmp_path))
    assert runner.cfg.test_evaluator.results_dir == str(tmp_path / 'results')
    runner = build_runner(cfg, work_dir=str(tmp_path), results_dir='/x/y')
    assert runner.cfg.test_evaluator.results_dir == '/x/y'


def test_relative_paths_from_elsewhere_say_where_they_are(tmp_path):
    import subprocess
    import sys

    import pytest
    from mmengine.config import Config

    from mmdeepmot.apis import check_config_paths
    root = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
    cfg = Config(dict(load_from='checkpoints/siamrpn_sot_toy.pth',
                      test_dataloader=dict(dataset=dict(data_root='x/'))),
                 filename=osp.join(
                     root, 'configs', 'deepmot_siamrpn',
                     'vanilla_siamrpn_r18-c16_1xb2-clip3-300it_toy.py'))
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with pytest.raises(FileNotFoundError,
                           match=f'load_from=.*it does from {root} '):
            check_config_paths(cfg, [])
        with pytest.raises(FileNotFoundError,
                           match="test_dataloader.dataset.data_root='x/'"):
            check_config_paths(Config(dict(test_dataloader=dict(
                dataset=dict(data_root='x/')))), ['test_dataloader'])
    finally:
        os.chdir(cwd)
    check_config_paths(cfg, [])  # from the root the file is there
    proc = subprocess.run([
        sys.executable,
        osp.join(root, 'tools', 'train.py'),
        osp.join(root, 'configs', 'deepmot_siamrpn',
                 'vanilla_siamrpn_r18-c16_1xb2-clip3-300it_toy.py'),
        '--work-dir',
        str(tmp_path / 'w')
    ],
                          capture_output=True,
                          text=True,
                          cwd=tmp_path)
    assert proc.returncode != 0
    assert "train_dataloader.dataset.data_root='data/toy-mot17/' does not " \
        'exist' in proc.stderr


def test_default_work_dir_is_named_after_the_config_file(tmp_path):
    from mmdeepmot.apis import load_config
    cwd = os.getcwd()
    os.chdir(tmp_path)  # the runner makes its work dir
    try:
        for config in (CONFIG, load_config(CONFIG)):
            runner = build_runner(config)
            assert runner.work_dir == osp.abspath(
                'work_dirs/deepmot_box-refiner_1xb4-60it_toy')
    finally:
        os.chdir(cwd)
