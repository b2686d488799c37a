"""MOTDetDataset: frames carry the public detections of det/det.txt."""
import os.path as osp

import numpy as np
import pytest
from mmtrack.registry import DATASETS
from mmtrack.utils import register_all_modules

import mmdeepmot  # noqa: F401
from mmdeepmot.datasets.mot_challenge_io import read_mot_txt

PIPELINE = [
    dict(type='LoadImageFromFile'),
    dict(type='LoadTrackAnnotations', with_instance_id=True),
    dict(type='mmdet.Resize', scale=(80, 48), keep_ratio=True),
    dict(type='PackTrackInputs', pack_single_img=True,
         meta_keys=('public_bboxes', ))
]


def build(root, **kwargs):
    register_all_modules(init_default_scope=True)
    return DATASETS.build(dict(
        type='MOTDetDataset', data_root=root + '/',
        ann_file='annotations/test_cocoformat.json',
        data_prefix=dict(img_path='test'), ref_img_sampler=None,
        load_as_video=True, test_mode=True, pipeline=PIPELINE, **kwargs))


def test_frames_carry_det_txt(tiny_toy_mot):
    ds = build(tiny_toy_mot,
               detection_file='annotations/test_detections.pkl')
    det = read_mot_txt(osp.join(tiny_toy_mot, 'test', 'TOY-02-SDP', 'det',
                                'det.txt'), 'det')
    for idx in (0, len(ds) - 1):
        sample = ds[idx]['data_samples']
        rows = det[det[:, 0] == sample.frame_id + 1]
        want = np.concatenate([rows[:, 2:4], rows[:, 2:4] + rows[:, 4:6],
                               rows[:, 6:7]], 1)
        # original image coordinates, whatever the resize
        np.testing.assert_allclose(sample.public_bboxes, want, atol=1e-3)


def test_without_file_frames_have_none_and_bad_path_raises(tiny_toy_mot):
    ds = build(tiny_toy_mot)
    assert ds[0]['data_samples'].public_bboxes.shape == (0, 5)
    with pytest.raises(FileNotFoundError, match='nope.pkl'):
        build(tiny_toy_mot, detection_file='nope.pkl')
