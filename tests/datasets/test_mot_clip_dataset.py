"""MOTClipDataset: clips of consecutive frames of one video."""
import pytest
from mmtrack.registry import DATASETS
from mmtrack.utils import register_all_modules

import mmdeepmot  # noqa: F401

PIPELINE = [
    dict(
        type='TransformBroadcaster',
        share_random_params=True,
        transforms=[
            dict(type='LoadImageFromFile'),
            dict(type='LoadTrackAnnotations', with_instance_id=True),
        ]),
    dict(type='PackTrackInputs', ref_prefix='ref', num_key_frames=1)
]


def build(root, **kwargs):
    register_all_modules(init_default_scope=True)
    return DATASETS.build(dict(
        type='MOTClipDataset', data_root=root + '/',
        ann_file='annotations/train_cocoformat.json',
        data_prefix=dict(img_path='train'),
        metainfo=dict(CLASSES=('pedestrian', )), pipeline=PIPELINE,
        **kwargs))


def test_clips_are_consecutive_frames_of_one_video(tiny_toy_mot):
    ds = build(tiny_toy_mot, clip_length=3, frame_stride=2)
    length = ds.get_data_info(0)['video_length']
    for idx in range(len(ds)):
        infos = ds.clip_infos(idx)
        ids = [i['frame_id'] for i in infos]
        assert len({i['video_id'] for i in infos}) == 1
        assert ids == [ids[0], ids[0] + 2, ids[0] + 4]
        assert ids[-1] <= length - 1
        # the clip starts at its item unless that would run past the end
        start = ds.get_data_info(idx)['frame_id']
        assert ids[0] == min(start, length - 1 - 4)


def test_clip_packs_key_and_reference_frames(tiny_toy_mot):
    ds = build(tiny_toy_mot, clip_length=3)
    item = ds[1]
    assert item['inputs']['img'].shape[0] == 1
    assert item['inputs']['ref_img'].shape[0] == 2
    sample = item['data_samples']
    assert sample.frame_id == 1 and sample.ref_frame_id == [2, 3]
    refs = sample.ref_gt_instances.map_instances_to_img_idx
    assert set(refs.tolist()) <= {0, 1}


def test_bad_clip_options_are_rejected(tiny_toy_mot):
    with pytest.raises(ValueError, match='clip_length'):
        build(tiny_toy_mot, clip_length=1)
    with pytest.raises(ValueError, match='frame_stride'):
        build(tiny_toy_mot, frame_stride=0)
