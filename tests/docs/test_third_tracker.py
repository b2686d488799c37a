"""docs/trackers.md's "A third tracker": its model and config, as printed
there, train through the clip-training seam with the DeepMOT loss."""
import os.path as osp
import re
import shutil

import torch

from mmdeepmot.apis import build_runner

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))


def _blocks():
    text = open(osp.join(ROOT, 'docs', 'trackers.md')).read()
    section = text.split('## A third tracker')[1].split('\n## ')[0]
    return re.findall(r'```python\n(.*?)```', section, re.S)


def test_the_documented_tracker_trains_with_the_deepmot_loss(
        tmp_path, monkeypatch, toy_options):
    model_code, config = _blocks()
    (tmp_path / 'box_shift_tracker.py').write_text(model_code)
    monkeypatch.syspath_prepend(str(tmp_path))
    shutil.copytree(osp.join(ROOT, 'configs'), tmp_path / 'configs')
    path = (tmp_path / 'configs' / 'deepmot_tracktor' /
            'deepmot_box-shift_1xb2-clip3-600it_toy.py')
    path.write_text(config)
    options = {}
    for item in toy_options:
        key, value = item.split('=', 1)
        options[key] = value if not value.isdigit() else int(value)
    options.update({
        'train_dataloader.persistent_workers': False,
        'val_dataloader.persistent_workers': False,
        'test_dataloader.persistent_workers': False,
        'train_dataloader.batch_size': 2,
        'train_cfg.max_iters': 3,
        # the example only trains: no validation
        'val_cfg': None, 'val_dataloader': None, 'val_evaluator': None,
        'default_hooks.checkpoint.save_best': None,
        'default_hooks.logger.interval': 1,
    })
    runner = build_runner(str(path), work_dir=str(tmp_path / 'work'),
                          cfg_options=options)
    assert type(runner.model).__name__ == 'BoxShiftTracker'
    before = runner.model.head.weight.detach().clone()
    runner.train()
    loss = runner.message_hub.get_scalar('train/loss_dmota').current()
    assert 0 < loss < 10
    # the DeepMOT loss's gradient reached the tracker's network
    assert not torch.equal(runner.model.head.weight, before)
