# The MOT17 loaders both DeepMOT recipes use (configs/deepmot_*_mot17.py),
# under names of their own: the recipes' model bases (mmtrack's) already
# define train/val/test loaders, and mmengine refuses a key two bases
# define. A recipe takes them with its own pipelines (and _delete_ where
# its model base has a loader of that name):
#   train_dataloader = dict(
#       _base_.mot17_clip_loader,
#       _delete_=True,
#       dataset=dict(_base_.mot17_clip_loader.dataset,
#                    pipeline=train_pipeline))
# Training: 3-frame clips (MOTClipDataset) of MOT17 half-train-fit (the
# first three quarters of half-train), every visibility; validation, to
# choose the checkpoint: half-train-select (the last quarter of half-train),
# its FRCNN variant only; testing: half-val. Validation and test use
# MOT17's public detections (MOTDetDataset), for the public protocol, and
# the test data stay unseen until the test.
mot17_clip_loader = dict(
    batch_size=2,
    num_workers=2,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(
        type='MOTClipDataset',
        clip_length=3,
        frame_stride=1,
        data_root='data/MOT17/',
        visibility_thr=-1,
        ann_file='annotations/half-train-fit_cocoformat.json',
        data_prefix=dict(img_path='train'),
        metainfo=dict(CLASSES=('pedestrian', ))))
mot17_public_test_loader = dict(
    batch_size=1,
    num_workers=2,
    persistent_workers=True,
    drop_last=False,
    sampler=dict(type='VideoSampler'),
    dataset=dict(
        type='MOTDetDataset',
        data_root='data/MOT17/',
        ann_file='annotations/half-val_cocoformat.json',
        detection_file='annotations/half-val_detections.pkl',
        data_prefix=dict(img_path='train'),
        ref_img_sampler=None,
        load_as_video=True,
        test_mode=True))
mot17_select_loader = dict(
    mot17_public_test_loader,
    dataset=dict(
        mot17_public_test_loader['dataset'],
        ann_file='annotations/half-train-select_cocoformat.json',
        detection_file='annotations/half-train-select_detections.pkl',
        video_name_contains='FRCNN'))
