# The generated MOT17-format data set (tools/make_toy_mot.py data/toy-mot17):
# training on 3-frame clips of the train split, testing on the test split
# with its public detections, TrackEval metrics per sequence.
data_root = 'data/toy-mot17/'

train_pipeline = [
    dict(
        type='TransformBroadcaster',
        share_random_params=True,
        transforms=[
            dict(type='LoadImageFromFile'),
            dict(type='LoadTrackAnnotations', with_instance_id=True),
            dict(type='mmdet.RandomFlip', prob=0.5),
        ]),
    dict(type='PackTrackInputs', ref_prefix='ref', num_key_frames=1)
]
test_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='LoadTrackAnnotations', with_instance_id=True),
    dict(type='PackTrackInputs', pack_single_img=True,
         meta_keys=('public_bboxes', ))
]
train_dataloader = dict(
    batch_size=2,
    num_workers=1,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(
        type='MOTClipDataset',
        clip_length=3,
        frame_stride=1,
        data_root=data_root,
        ann_file='annotations/train_cocoformat.json',
        data_prefix=dict(img_path='train'),
        metainfo=dict(CLASSES=('pedestrian', )),
        pipeline=train_pipeline))
test_dataloader = dict(
    batch_size=1,
    num_workers=1,
    persistent_workers=True,
    drop_last=False,
    sampler=dict(type='VideoSampler'),
    dataset=dict(
        type='MOTDetDataset',
        data_root=data_root,
        ann_file='annotations/test_cocoformat.json',
        detection_file='annotations/test_detections.pkl',
        data_prefix=dict(img_path='test'),
        ref_img_sampler=None,
        load_as_video=True,
        test_mode=True,
        pipeline=test_pipeline))
test_evaluator = dict(type='MOTChallengeTableMetrics', benchmark='MOT17')
test_cfg = dict(type='TestLoop')
