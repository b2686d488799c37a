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


def test_video_name_contains_keeps_whole_videos(tmp_path):
    from mmdeepmot.data_prep.cocovid import mot_to_cocovid
    from mmdeepmot.toy.toy_mot import ToyMOTConfig, make_toy_mot
    cfg = ToyMOTConfig(width=160, height=96, num_frames=(8, 10),
                       num_people=(3, 5), train_seqs=1, test_seqs=1,
                       profiles=('SDP', 'DPM'))
    make_toy_mot(str(tmp_path), seed=5, cfg=cfg)
    mot_to_cocovid(str(tmp_path))
    every = build(str(tmp_path))
    names = {every.get_data_info(i)['video_name'] for i in range(len(every))}
    assert names == {'TOY-02-SDP', 'TOY-02-DPM'}
    sdp = build(str(tmp_path), video_name_contains='SDP')
    kept = [sdp.get_data_info(i) for i in range(len(sdp))]
    assert {k['video_name'] for k in kept} == {'TOY-02-SDP'}
    # the whole video, first frame to last, as the video sampler needs
    assert [k['frame_id'] for k in kept] == list(range(len(kept)))
    assert len(kept) == kept[0]['video_length'] == len(every) // 2
    with pytest.raises(ValueError, match="'FRCNN'.*TOY-02-DPM"):
        build(str(tmp_path), video_name_contains='FRCNN')
