# The generated MOT17-format data set (tools/make_toy_mot.py data/toy-mot17):
# training on 3-frame clips of the train split, testing on the test split
# with its public detections, TrackEval metrics per sequence. The twins'
# fine-tuning takes toy_fit_dataset / toy_select_loader instead (clips of
# half-train-fit; validation on half-train-select, FRCNN videos), as the
# MOT17 recipes do.
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
toy_fit_dataset = dict(ann_file='annotations/half-train-fit_cocoformat.json')
toy_select_loader = dict(
    test_dataloader,
    persistent_workers=False,
    dataset=dict(
        test_dataloader['dataset'],
        ann_file='annotations/half-train-select_cocoformat.json',
        detection_file='annotations/half-train-select_detections.pkl',
        data_prefix=dict(img_path='train'),
        video_name_contains='FRCNN'))
test_cfg = dict(type='TestLoop')
