"""The full MOT17 recipes: they load, build, and their training step runs
(on the tiny generated data set, small images, random weights)."""
import glob
import os.path as osp

import numpy as np
import pytest
import torch
from config_names import config, runner_dict, twin
from mmengine.config import Config
from mmengine.dataset import pseudo_collate
from mmengine.registry import init_default_scope
from mmtrack.registry import DATASETS, MODELS

import mmdeepmot  # noqa: F401

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))


def load(name):
    cfg = Config.fromfile(osp.join(ROOT, 'configs', name))
    init_default_scope(cfg.default_scope)
    return cfg


def test_tracktor_mot17_recipe(tiny_clip_dataset):
    cfg = load('deepmot_tracktor_mot17.py')
    # mmtrack's published weights are loaded through init_cfg
    assert 'faster-rcnn_r50_fpn_4e_mot17-half' in \
        cfg.model.detector.init_cfg.checkpoint
    assert 'reid_r50_6e_mot17' in cfg.model.reid.init_cfg.checkpoint
    assert cfg.train_dataloader.dataset.ann_file.startswith(
        'annotations/half-train')
    assert cfg.val_evaluator.type == 'MOTChallengeTableMetrics'
    assert any(h.type == 'DeepMOTHook' for h in cfg.custom_hooks)

    model = MODELS.build(cfg.model)  # no init_weights: nothing downloaded
    trainable = {n.split('.')[0] + '.' + n.split('.')[1]
                 for n, p in model.named_parameters() if p.requires_grad}
    assert trainable == {'detector.roi_head'}

    # the recipe's clip pipeline on small images; the crop takes people
    # away, whose boxes and ids must stay in line
    dataset = tiny_clip_dataset(cfg.train_dataloader.dataset, 192, 100)
    # every clip packs: boxes and ids stay in line through the crop
    torch.manual_seed(0)
    for seed in range(4):
        np.random.seed(seed)
        for i in range(len(dataset)):
            sample = dataset[i]['data_samples']
            for frame in (sample.gt_instances, sample.ref_gt_instances):
                assert len(frame.bboxes) == len(frame.instances_id)
    batch = pseudo_collate([dataset[0], dataset[3]])
    torch.manual_seed(0)
    model.train()
    model.unroll_cfg['obj_score_thr'] = 0.0  # random weights
    prep = model.data_preprocessor(batch, training=True)
    losses = model.loss(prep['inputs'], prep['data_samples'])
    assert {'loss_dmota', 'loss_dmotp', 'loss_bbox'} <= set(losses)
    assert torch.isfinite(losses['loss_dmota'])


def test_siamrpn_mot17_recipe(tiny_toy_mot):
    cfg = load('deepmot_siamrpn_mot17.py')
    assert 'siamese_rpn_r50_20e_lasot' in cfg.model.init_cfg.checkpoint
    assert cfg.model.backbone.init_cfg is None  # nothing else downloaded
    assert [h.type for h in cfg.custom_hooks] == ['DeepMOTHook']
    test_data = cfg.test_dataloader.dataset
    assert test_data.type == 'MOTDetDataset'
    assert test_data.detection_file == 'annotations/half-val_detections.pkl'
    assert cfg.train_dataloader.dataset.ann_file.startswith(
        'annotations/half-train')
    assert cfg.optim_wrapper.optimizer.type == 'Adam'

    # smaller regions than the recipe's 127 / 255: a quicker CPU step
    cfg.model.test_cfg.update(exemplar_size=63, search_size=127)
    cfg.model.train_cfg.rpn.update(exemplar_size=63, search_size=127)
    model = MODELS.build(cfg.model)
    trainable = {n.split('.')[0] for n, p in model.named_parameters()
                 if p.requires_grad}
    assert trainable == {'neck', 'head'}

    data = cfg.train_dataloader.dataset
    data.data_root = tiny_toy_mot + '/'
    data.ann_file = 'annotations/train_cocoformat.json'
    dataset = DATASETS.build(data)
    batch = pseudo_collate([dataset[0]])
    torch.manual_seed(0)
    model.train()
    assert not model.backbone.training
    prep = model.data_preprocessor(batch, training=True)
    losses = model.loss(prep['inputs'], prep['data_samples'])
    assert {'loss_dmota', 'loss_dmotp', 'loss_rpn_cls'} <= set(losses)
    total = losses['loss_dmota'] + losses['loss_dmotp'] + \
        losses['loss_rpn_cls']
    assert torch.isfinite(total)
    total.backward()
    assert model.head.cls_weight.grad is not None


def test_the_default_matcher_is_sinkhorn_and_the_study_keeps_the_dhn():
    base = Config.fromfile(osp.join(ROOT, 'configs', '_base_',
                                    'deepmot_loss.py'))
    assert base.deepmot_loss.matcher == dict(type='SinkhornMatcher')
    # every DeepMOT twin of the study (toy, drawn, PETS09 and its
    # MobileNetV2 start on 3- and 8-frame clips, with and without identity
    # terms; not its matcher ablations) is trained through the paper's DHN
    # and keeps it
    twins = [p for data in ('toy', 'mot17drawn', 'pets09')
             for folder in ('deepmot_tracktor', 'deepmot_siamrpn')
             for p in glob.glob(osp.join(ROOT, 'configs', folder,
                                         f'deepmot*_{data}.py'))
             if osp.basename(p).split('_')[0] in ('deepmot',
                                                  'deepmot-identity')]
    assert len(twins) == 12, twins
    for path in twins:
        matcher = Config.fromfile(path).model.deepmot_loss.matcher
        assert matcher == base.dhn_matcher, path


def _plain(name):
    """A config as a dict of the keys a runner reads."""
    return runner_dict(name if osp.isabs(name) else config(name))


@pytest.mark.parametrize('tracker,parts', [
    ('tracktor', ('detector', 'data_preprocessor', 'reid')),
    ('siamrpn', ('init_cfg', 'data_preprocessor', 'backbone', 'neck')),
])
def test_mbv2_recipe_differs_from_the_r50_one_in_the_network(tracker,
                                                             parts):
    r50 = _plain(twin('deepmot', tracker, 'mot17'))
    mbv2 = _plain(twin('deepmot', tracker, 'mot17_mbv2'))
    # the MobileNetV2 recipe starts from its own stage 0
    stage0 = glob.glob(osp.join(ROOT, 'configs', f'deepmot_{tracker}',
                                f'stage0_{tracker}_mbv2*_mot17halftrain.py'))
    assert len(stage0) == 1
    assert mbv2.pop('load_from').startswith(
        'work_dirs/' + osp.basename(stage0[0])[:-3] + '/')
    r50.pop('load_from', None)
    for part in parts:
        assert mbv2['model'].pop(part, None) != r50['model'].pop(part, None)
    if tracker == 'tracktor':  # ReID rules for the new ReID model
        mbv2['model']['tracker'].pop('reid')
        r50['model']['tracker'].pop('reid', None)
    assert mbv2 == r50


def test_siamrpn_mbv2_stage0_is_the_recipe_with_its_own_loss():
    stage0 = _plain('stage0_siamrpn_mbv2_8xb2-4e_mot17halftrain.py')
    recipe = _plain('deepmot_siamrpn_mbv2_8xb2-clip3-2e_mot17halftrain.py')
    assert stage0['model'].pop('deepmot_loss') is None
    assert recipe['model'].pop('deepmot_loss') is not None
    assert stage0['model'].pop('frozen_modules') == []
    recipe['model'].pop('frozen_modules')
    assert stage0.pop('optim_wrapper')['optimizer']['type'] == 'SGD'
    recipe.pop('optim_wrapper')
    assert stage0.pop('load_from') is None
    recipe.pop('load_from')
    for key in ('custom_hooks', 'train_cfg', 'param_scheduler'):
        stage0.pop(key)
        recipe.pop(key)
    assert stage0 == recipe
