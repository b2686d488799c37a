"""Shared fixtures."""
import os
import os.path as osp

import numpy as np
import pytest
import torch

from mmdeepmot.apis import save_dhn
from mmdeepmot.datasets.mot_challenge_io import write_mot_txt, write_seqinfo
from mmdeepmot.models.dhn import DeepHungarianNet

REPO = osp.dirname(osp.dirname(osp.abspath(__file__)))
# the real MOT17 labels: $MOT17_LABELS, else ../shared/data beside the
# checkout (CI has them; a user's machine may not)
MOT17_LABELS = os.environ.get('MOT17_LABELS') or osp.join(
    osp.dirname(REPO), 'shared', 'data', 'MOT17-labels')


@pytest.fixture(scope='session')
def mot17_labels() -> str:
    """The real MOT17 labels folder (``train/MOT17-XX-DET/...``); the test
    is skipped, saying why, where it is missing."""
    if not osp.isdir(MOT17_LABELS):
        pytest.skip(f'real MOT17 labels not found at {MOT17_LABELS} '
                    '(set $MOT17_LABELS; ../shared/data is not on this '
                    'machine)')
    return MOT17_LABELS


SHARED_DATA = osp.join(osp.dirname(REPO), 'shared', 'data')


def shared_data(name: str) -> str:
    """``../shared/data/<name>`` beside the checkout; the test is skipped,
    saying why, where it is missing (a user's machine)."""
    path = osp.join(SHARED_DATA, name)
    if not osp.isdir(path):
        pytest.skip(f'{name} not found at {path} (../shared/data is not on '
                    'this machine)')
    return path


@pytest.fixture(scope='session')
def pets09_tree(tmp_path_factory):
    """The real PETS09-S2L1 video decoded by video_to_mot into
    ``ROOT/train/PETS09-S2L1`` (795 frames, its labels) and converted to
    CocoVID (``ROOT/annotations``); returns ROOT."""
    from mmdeepmot.data_prep.cocovid import mot_to_cocovid
    from mmdeepmot.data_prep.video_to_mot import VideoLabels, video_to_mot
    src = shared_data('PETS09-S2L1')
    root = tmp_path_factory.mktemp('pets09')
    video_to_mot(osp.join(src, 'vtest.avi'),
                 str(root / 'train' / 'PETS09-S2L1'),
                 VideoLabels(gt=osp.join(src, 'gt', 'gt.txt'),
                             det=osp.join(src, 'det', 'det.txt'),
                             seqinfo=osp.join(src, 'seqinfo.ini')),
                 progress=False)
    mot_to_cocovid(str(root))
    return str(root)


@pytest.fixture(scope='session')
def shared_data_path():
    """:func:`shared_data` for tests: ``shared_data_path('MOT17-mini')``."""
    return shared_data


TINY_DHN = dict(type='DeepHungarianNet', hidden_size=8, num_layers=1,
                head_dims=(8, ))


@pytest.fixture(scope='session')
def tiny_dhn_checkpoint(tmp_path_factory):
    """A small, randomly initialised DHN in the shipped file format."""
    torch.manual_seed(0)
    cfg = dict(TINY_DHN)
    net = DeepHungarianNet(**{k: v for k, v in cfg.items() if k != 'type'})
    path = tmp_path_factory.mktemp('dhn') / 'tiny_dhn.pth'
    save_dhn(net, cfg, str(path), dict(note='test'))
    return str(path)


@pytest.fixture(scope='session')
def tiny_toy_mot(tmp_path_factory):
    """A tiny generated MOT17-layout data set with CocoVID annotations:
    one train and one test video (one detection profile), 160 x 96."""
    from mmdeepmot.data_prep.cocovid import mot_to_cocovid
    from mmdeepmot.toy.toy_mot import ToyMOTConfig, make_toy_mot
    root = tmp_path_factory.mktemp('tiny_toy_mot')
    cfg = ToyMOTConfig(width=160, height=96, num_frames=(8, 10),
                       num_people=(3, 5), train_seqs=1, test_seqs=1,
                       profiles=('SDP', ))
    make_toy_mot(str(root), seed=5, cfg=cfg)
    mot_to_cocovid(str(root))
    return str(root)


@pytest.fixture(scope='session')
def tiny_clip_dataset(tiny_toy_mot):
    """``tiny_clip_dataset(dataset_cfg, size, crop=size)``: a config's
    Tracktor clip dataset built on ``tiny_toy_mot``, resized to ``size``
    and cropped to ``crop``."""
    from mmtrack.registry import DATASETS

    def build(data, size, crop=None):
        data.data_root = tiny_toy_mot + '/'
        data.ann_file = 'annotations/train_cocoformat.json'
        for t in data.pipeline[0].transforms:
            if t.type == 'mmdet.RandomResize':
                t.scale = (size, size)
            if t.type == 'RandomCropWithIds':
                t.crop_size = (crop or size, crop or size)
        return DATASETS.build(data)

    return build


@pytest.fixture(scope='session')
def toy_options(tiny_toy_mot):
    """``--cfg-options`` that point a toy twin config at ``tiny_toy_mot``
    (training, validation and test data, no worker processes); its only
    profile is SDP, so validation takes that one instead of FRCNN."""
    root = tiny_toy_mot
    return [f'{split}_dataloader.dataset.data_root={root}/'
            for split in ('train', 'val', 'test')] + [
        f'{split}_dataloader.{key}'
        for split in ('train', 'val', 'test')
        for key in ('num_workers=0', 'persistent_workers=False')] + [
        'val_dataloader.dataset.video_name_contains=SDP']


def _write_seq(split_dir, name, length, size, gt, det=None, fps=25):
    seq = osp.join(split_dir, name)
    os.makedirs(osp.join(seq, 'gt'))
    write_seqinfo(seq, name, length, size[0], size[1], fps)
    write_mot_txt(osp.join(seq, 'gt', 'gt.txt'), gt,
                  'gt' if gt.shape[1] == 9 else 'gt15')
    if det is not None:
        os.makedirs(osp.join(seq, 'det'))
        write_mot_txt(osp.join(seq, 'det', 'det.txt'), det, 'det')
    return seq


def _walkers(length, first, ids, classes=None, cols=9):
    """Rows of ``ids`` walking right from frame ``first`` (MOT17's 9 columns
    or MOT15's 10: conf 1 and world coordinates -1)."""
    rows = []
    for frame in range(first, length + 1):
        for k, pid in enumerate(ids):
            x, y = 20 + 30 * k + 2 * frame, 40 + 8 * k
            row = [frame, pid, x, y, 24, 60, 1]
            row += ([(classes or {}).get(pid, 1), 1.0] if cols == 9 else
                    [-1, -1, -1])
            rows.append(row)
    return np.array(rows, dtype=float)


@pytest.fixture
def labels_tree(tmp_path):
    """Labels only: a MOT15-style video (10-column gt starting at frame 4,
    10-column det with negative scores, unsorted) and a MOT17-style video
    in two detector variants (9-column gt with every kind of class, 7-column
    unsorted det)."""
    root = tmp_path / 'labels'
    train = str(root / 'train')
    gt15 = _walkers(12, 4, [1, 2, 3], cols=10)
    det15 = gt15[::-1, :7].copy()
    det15[:, 1] = -1
    det15[:, 6] = np.linspace(-0.5, 3.0, len(det15))
    det15 = np.concatenate([det15, -np.ones((len(det15), 3))], 1)
    _write_seq(train, 'OLD-01', 12, (200, 120), gt15, det15)
    classes = {pid: pid for pid in range(1, 14)}  # classes 1..13
    gt17 = _walkers(10, 1, list(range(1, 14)), classes)
    det17 = gt17[(gt17[:, 7] == 1)][::-1, :7].copy()
    det17[:, 1] = -1
    det17[:, 6] = 0.9
    for variant in ('DPM', 'SDP'):
        _write_seq(train, f'NEW-02-{variant}', 10, (600, 300), gt17, det17)
    return str(root)
