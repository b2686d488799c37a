"""The drawn-MOT17 configs: they are the MOT17 recipes (same files, splits,
pipelines, public detections) at CPU size, and the whole chain runs on a
rendered labels-only tree: render -> 2 training iterations -> tools/test.py
with the public detections -> TrackEval table."""
import json
import os.path as osp
import subprocess
import sys

import pytest
from config_names import runner_dict, twin
from mmengine.config import Config

from mmdeepmot.data_prep.render_mot import RenderConfig, render_mot

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
TRACKERS = {
    # an untrained detector scores everything near 0.5
    'tracktor': (twin('deepmot', 'tracktor', 'mot17drawn'),
                 ['model.unroll_cfg.obj_score_thr=0.0']),
    'siamrpn': (twin('deepmot', 'siamrpn', 'mot17drawn'), []),
}


def _keys(cfg, *names):
    return {n: cfg.to_dict().get(n) for n in names}


@pytest.mark.parametrize('tracker', sorted(TRACKERS))
def test_drawn_configs_differ_from_the_recipe_only_in_size(tracker):
    recipe = Config.fromfile(twin('deepmot', tracker, 'mot17'))
    drawn = Config.fromfile(TRACKERS[tracker][0])
    for split in ('train_dataloader', 'val_dataloader', 'test_dataloader'):
        a, b = recipe[split].dataset, drawn[split].dataset
        assert b.data_root == 'data/MOT17-drawn/'
        for key in ('type', 'ann_file', 'data_prefix', 'detection_file',
                    'video_name_contains'):
            assert a.get(key) == b.get(key), (split, key)
    # trained on half-train-fit, the checkpoint chosen on half-train-select,
    # tested on half-val: three disjoint sets of frames
    assert drawn.train_dataloader.dataset.ann_file == \
        'annotations/half-train-fit_cocoformat.json'
    assert drawn.val_dataloader.dataset.ann_file == \
        'annotations/half-train-select_cocoformat.json'
    assert drawn.default_hooks.checkpoint.save_best == \
        recipe.default_hooks.checkpoint.save_best == 'motchallenge-metric/MOTA'
    assert drawn.test_dataloader.dataset.ann_file == \
        'annotations/half-val_cocoformat.json'
    assert drawn.test_dataloader.dataset.detection_file == \
        'annotations/half-val_detections.pkl'
    # the loss's options are the recipe's; the matcher is the paper's DHN,
    # which the study's results used, where the recipe takes the default
    loss, recipe_loss = drawn.model.deepmot_loss, recipe.model.deepmot_loss
    assert loss.matcher == dict(type='DHNMatcher', split_above=0.5)
    assert recipe_loss.matcher == dict(type='SinkhornMatcher')
    assert dict(loss, matcher=None) == dict(recipe_loss, matcher=None)
    assert drawn.custom_hooks == recipe.custom_hooks
    assert drawn.test_evaluator == recipe.test_evaluator
    # the twins differ by the loss alone
    a = runner_dict(TRACKERS[tracker][0])
    b = runner_dict(twin('vanilla', tracker, 'mot17drawn'))
    assert b['model'].pop('deepmot_loss') is None and b['custom_hooks'] == []
    a['model'].pop('deepmot_loss')
    a.pop('custom_hooks'), b.pop('custom_hooks')
    assert a == b


@pytest.mark.parametrize('tracker', sorted(TRACKERS))
@pytest.mark.parametrize('ablation,loss', [
    ('sinkhorn', dict(matcher=dict(type='SinkhornMatcher'))),
    ('dmota', dict(lambda_motp=0.0))])
def test_ablations_differ_from_the_deepmot_twin_in_the_loss_only(
        tracker, ablation, loss):
    deepmot = Config.fromfile(TRACKERS[tracker][0]).to_dict()
    other = Config.fromfile(
        twin(f'deepmot-{ablation}', tracker, 'mot17drawn')).to_dict()
    changed = other['model'].pop('deepmot_loss')
    base = deepmot['model'].pop('deepmot_loss')
    assert changed == dict(base, **loss) and changed != base
    assert other == deepmot


def run(tool, config, *args):
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', tool),
         config, *args],
        capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc.stdout + proc.stderr


@pytest.fixture
def drawn_tree(labels_tree, tmp_path):
    out = str(tmp_path / 'drawn')
    render_mot(labels_tree, out, RenderConfig(scale=0.5), progress=False)
    return out


@pytest.mark.parametrize('tracker', sorted(TRACKERS))
def test_render_train_test_chain(drawn_tree, tmp_path, tracker):
    config, extra = TRACKERS[tracker]
    options = [
        f'train_dataloader.dataset.data_root={drawn_tree}/',
        f'test_dataloader.dataset.data_root={drawn_tree}/',
        f'val_dataloader.dataset.data_root={drawn_tree}/',
        # the tree has no FRCNN variant
        'val_dataloader.dataset.video_name_contains=SDP',
        'val_dataloader.num_workers=0',
        'val_dataloader.persistent_workers=False',
        'train_dataloader.num_workers=0',
        'train_dataloader.persistent_workers=False',
        'test_dataloader.num_workers=0',
        'test_dataloader.persistent_workers=False',
        'load_from=None', 'default_hooks.logger.interval=1',
        'default_hooks.checkpoint.interval=2'] + extra
    work = tmp_path / 'work'
    log = run('train.py', config, '--work-dir', str(work), '--cfg-options',
              'train_cfg.max_iters=2', *options)
    assert (work / 'iter_2.pth').exists()
    assert 'loss_dmota' in log
    # validated on the select frames of the SDP variant only, and kept
    assert 'NEW-02-SDP' in log and 'NEW-02-DPM ' not in log
    best = work / 'best_motchallenge-metric_MOTA_iter_2.pth'
    assert best.exists()
    # tools/test.py --split val scores the kept checkpoint as the training's
    # validation did
    run('test.py', config, '--checkpoint', str(best), '--split', 'val',
        '--work-dir', str(tmp_path / 'val'), '--json',
        str(tmp_path / 'v.json'), '--cfg-options', *options)
    val = json.load(open(tmp_path / 'v.json'))
    assert sorted(val['sequences']) == ['NEW-02-SDP']
    scalars = [json.loads(line) for line in
               open(next(work.glob('*/vis_data/scalars.json')))]
    logged = [(r['step'], r['motchallenge-metric/MOTA']) for r in scalars
              if 'motchallenge-metric/MOTA' in r]
    # logged at its iteration, for the curves
    assert logged == [(2, pytest.approx(val['overall']['MOTA'], abs=1e-4))]
    log = run('test.py', config, '--checkpoint', str(best),
              '--work-dir', str(tmp_path / 'test'), '--json',
              str(tmp_path / 'm.json'), '--cfg-options', *options)
    assert 'OVERALL' in log
    metrics = json.load(open(tmp_path / 'm.json'))
    # every half-val sequence scored, the MOT15-flavoured one included
    assert sorted(metrics['sequences']) == [
        'NEW-02-DPM', 'NEW-02-SDP', 'OLD-01']
    assert metrics['commit'] and 'test.py' in metrics['command']
    results = sorted(p.name for p in (tmp_path / 'test' /
                                      'results').glob('*.txt'))
    assert results == ['NEW-02-DPM.txt', 'NEW-02-SDP.txt', 'OLD-01.txt']
