"""Grid search over test-time tracker options: parsing, setting options on
a built model, and tools/tune_tracker.py against tools/test.py."""
import json
import os.path as osp
import subprocess
import sys

import pytest
from mmengine.config import Config

from mmdeepmot.apis.tracker_search import (parse_grid, ranked_table,
                                           set_option, settings, use_split)

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
TOY_SIAMRPN = ('configs/deepmot_siamrpn/'
               'vanilla_siamrpn_r18-c16_1xb2-clip3-300it_toy.py')


def test_parse_grid_and_settings():
    grid = parse_grid(['a.b=0.3,0.5', 'c=None,2', 'd=x'])
    assert grid == {'a.b': [0.3, 0.5], 'c': [None, 2], 'd': ['x']}
    assert settings(grid)[1] == {'a.b': 0.3, 'c': 2, 'd': 'x'}
    assert len(settings(grid)) == 4
    with pytest.raises(ValueError, match='KEY=V1'):
        parse_grid(['a.b'])


def test_set_option_walks_attributes_and_dicts():
    class Tracker:
        obj_score_thr = 0.5

    class Model:
        tracker_rules = dict(max_lost=5)
        tracker = Tracker()

    model = Model()
    set_option(model, 'tracker_rules.max_lost', 2)
    set_option(model, 'tracker.obj_score_thr', 0.7)
    assert model.tracker_rules['max_lost'] == 2
    assert model.tracker.obj_score_thr == 0.7
    with pytest.raises(KeyError, match='max_los'):
        set_option(model, 'tracker_rules.max_los', 2)
    with pytest.raises(AttributeError, match='obj_thr'):
        set_option(model, 'tracker.obj_thr', 2)


def test_use_split_and_ranked_table():
    cfg = Config.fromfile(osp.join(ROOT, TOY_SIAMRPN))
    use_split(cfg, 'half-val')
    data = cfg.test_dataloader.dataset
    assert data.ann_file == 'annotations/half-val_cocoformat.json'
    assert data.detection_file == 'annotations/half-val_detections.pkl'
    assert data.data_prefix.img_path == 'train'
    rows = [dict(options=dict(x=1), metrics=dict(MOTA=0.2, FP=10.)),
            dict(options=dict(x=2), metrics=dict(MOTA=0.4, FP=3.))]
    lines = ranked_table(rows, 'MOTA', ('MOTA', 'FP')).splitlines()
    assert lines[2] == '| 2 | 40.0 | 3 |' and lines[3] == '| 1 | 20.0 | 10 |'


def test_tune_tracker_matches_test_runs(tiny_toy_mot, tmp_path):
    config = osp.join(ROOT, TOY_SIAMRPN)
    checkpoint = osp.join(ROOT, 'checkpoints/siamrpn_sot_toy.pth')
    options = [f'test_dataloader.dataset.data_root={tiny_toy_mot}/',
               'test_dataloader.num_workers=0',
               'test_dataloader.persistent_workers=False']

    def run(*args):
        proc = subprocess.run([sys.executable, *args], capture_output=True,
                              text=True, cwd=ROOT)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        return proc.stdout

    out = run('tools/tune_tracker.py', config, '--checkpoint', checkpoint,
              '--split', 'half-val', '--work-dir', str(tmp_path / 'tune'),
              '--grid', 'tracker.support_iou_thr=0.9,None',
              'tracker.max_unsupported=0', '--cfg-options', *options)
    assert 'best MOTA on half-val: --cfg-options' in out
    rows = json.loads((tmp_path / 'tune' / 'tune_half-val.json').read_text())
    rows = {r['options']['tracker.support_iou_thr']: r['metrics']
            for r in rows['rows']}
    assert set(rows) == {0.9, None}
    # the setting tested second sees nothing of the first: same figures
    # as a separate tools/test.py run
    run('tools/test.py', config, '--checkpoint', checkpoint, '--work-dir',
        str(tmp_path / 'test'), '--json', str(tmp_path / 'm.json'),
        '--cfg-options', *options,
        'test_dataloader.dataset.ann_file='
        'annotations/half-val_cocoformat.json',
        'test_dataloader.dataset.detection_file='
        'annotations/half-val_detections.pkl',
        'test_dataloader.dataset.data_prefix.img_path=train')
    alone = json.loads((tmp_path / 'm.json').read_text())['overall']
    assert rows[None] == pytest.approx(alone)
    # a support test no box passes ends every track after one frame
    assert rows[0.9]['FP'] + rows[0.9]['FN'] != alone['FP'] + alone['FN']
