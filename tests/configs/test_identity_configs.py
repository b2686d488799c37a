"""The 8-frame-clip real-start PETS09 twins and their identity-term
variant: each differs from the one it derives from in what its name says
alone, and a training step of the identity variant yields dIDF1 and dHOTA
losses whose gradients reach the trained head (tiny generated data)."""

import pytest
import torch
from config_names import runner_dict, twin
from mmengine.config import Config
from mmengine.dataset import pseudo_collate
from mmengine.registry import init_default_scope
from mmtrack.registry import MODELS

import mmdeepmot  # noqa: F401


def _load(role, tracker, ground='pets09_mbv2_clip8'):
    return Config.fromfile(twin(role, tracker, ground))


@pytest.mark.parametrize('tracker', ['tracktor', 'siamrpn'])
def test_each_config_differs_in_its_name_alone(tracker):
    base = runner_dict(twin('deepmot', tracker, 'pets09_mbv2'))
    clip8 = runner_dict(twin('deepmot', tracker, 'pets09_mbv2_clip8'))
    loader = clip8['train_dataloader']
    assert (loader['batch_size'], loader['dataset']['clip_length']) == (1, 8)
    loader.update(batch_size=base['train_dataloader']['batch_size'])
    loader['dataset'].update(
        clip_length=base['train_dataloader']['dataset']['clip_length'])
    # and in how fast its frozen parts run, not in what they compute
    # (FastFrozenForward): an 8-frame Tracktor step is the slow one
    fast = clip8['model'].pop('fast_frozen_modules', False)
    assert fast == (tracker == 'tracktor')
    assert 'fast_frozen_modules' not in base['model']
    assert clip8 == base

    clip8 = runner_dict(twin('deepmot', tracker, 'pets09_mbv2_clip8'))
    vanilla = runner_dict(twin('vanilla', tracker, 'pets09_mbv2_clip8'))
    assert vanilla['model'].pop('deepmot_loss') is None
    assert vanilla.pop('custom_hooks') == []
    clip8['model'].pop('deepmot_loss')
    clip8.pop('custom_hooks')
    assert vanilla == clip8

    clip8 = runner_dict(twin('deepmot', tracker, 'pets09_mbv2_clip8'))
    identity = runner_dict(
        twin('deepmot-identity', tracker, 'pets09_mbv2_clip8'))
    loss = identity['model']['deepmot_loss']
    assert (loss.pop('lambda_idf1'), loss.pop('lambda_hota')) == (1.0, 1.0)
    assert identity == clip8


def test_identity_tracktor_trains_on_8_frame_clips(tiny_clip_dataset):
    cfg = _load('deepmot-identity', 'tracktor')
    init_default_scope(cfg.default_scope)
    model = MODELS.build(cfg.model)
    dataset = tiny_clip_dataset(cfg.train_dataloader.dataset, 160)
    batch = pseudo_collate([dataset[0]])
    torch.manual_seed(0)
    model.train()
    model.unroll_cfg['obj_score_thr'] = 0.0  # an untrained head
    prep = model.data_preprocessor(batch, training=True)
    # one key frame and 7 reference frames: an 8-frame clip
    assert prep['inputs']['ref_img'].shape[1] == 7
    losses = model.loss(prep['inputs'], prep['data_samples'])
    assert {'loss_didf1', 'loss_dhota', 'loss_dmota'} <= set(losses)
    total = losses['loss_didf1'] + losses['loss_dhota']
    assert torch.isfinite(total)
    total.backward()
    grads = [p.grad for n, p in model.named_parameters()
             if n.startswith('detector.roi_head') and p.grad is not None]
    assert grads and any(g.abs().sum() > 0 for g in grads)
