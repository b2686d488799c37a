# MMTracking's Tracktor set up for training on clips of MOT17 half-train-fit
# (validation on half-train-select, test on half-val with the public
# detections), with the detector's own losses: the body of every DeepMOT-
# Tracktor config, which adds the loss (configs/deepmot_tracktor/README.md).
# Only what Tracktor's tracking step uses is trained: the RoI head; backbone,
# neck, RPN and ReID stay frozen. At test time the RoI head refines the public
# detections (the public protocol, as the paper's Tracktor).
_base_ = [
    'mmtrack::mot/tracktor/'
    'tracktor_faster-rcnn_r50_fpn_8xb2-4e_mot17halftrain_test-mot17halfval.py',
    './datasets/mot17_loaders.py'
]
custom_imports = dict(imports=['mmdeepmot'], allow_failed_imports=False)

# the detector's own losses; a DeepMOT config sets its loss here
model = dict(
    type='DeepMOTTracktor',
    deepmot_loss=None,
    frozen_modules=['detector.backbone', 'detector.neck',
                    'detector.rpn_head', 'reid'],
    public_detections=True)

# every random choice is shared by the frames of a clip: a track carried
# from frame t-1 to t must see both frames through the same crop and flip
train_pipeline = [
    dict(
        type='TransformBroadcaster',
        share_random_params=True,
        transforms=[
            dict(type='LoadImageFromFile'),
            dict(type='LoadTrackAnnotations', with_instance_id=True),
            dict(
                type='mmdet.RandomResize',
                scale=(1088, 1088),
                ratio_range=(0.8, 1.2),
                keep_ratio=True,
                clip_object_border=False),
            dict(type='mmdet.PhotoMetricDistortion'),
            # mmdet's RandomCrop keeps the ids of boxes it crops away; a
            # frame of a clip may lose every box (its objects left the
            # crop), which mmdet refuses by default and the broadcaster
            # then fails on
            dict(
                type='RandomCropWithIds',
                crop_size=(1088, 1088),
                allow_negative_crop=True,
                bbox_clip_border=False),
            dict(type='mmdet.RandomFlip', prob=0.5),
        ]),
    dict(type='PackTrackInputs', ref_prefix='ref', num_key_frames=1)
]
test_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='LoadTrackAnnotations', with_instance_id=True),
    dict(type='mmdet.Resize', scale=(1088, 1088), keep_ratio=True),
    dict(type='PackTrackInputs', pack_single_img=True,
         meta_keys=('public_bboxes', ))
]
train_dataloader = dict(
    _base_.mot17_clip_loader,
    _delete_=True,
    dataset=dict(_base_.mot17_clip_loader.dataset, pipeline=train_pipeline))
val_dataloader = dict(
    _base_.mot17_select_loader,
    _delete_=True,
    dataset=dict(_base_.mot17_select_loader.dataset,
                 pipeline=test_pipeline))
test_dataloader = dict(
    _base_.mot17_public_test_loader,
    _delete_=True,
    dataset=dict(_base_.mot17_public_test_loader.dataset,
                 pipeline=test_pipeline))
val_evaluator = dict(_delete_=True, type='MOTChallengeTableMetrics',
                     benchmark='MOT17')
test_evaluator = val_evaluator

train_cfg = dict(
    _delete_=True, type='EpochBasedTrainLoop', max_epochs=2, val_interval=1)
# tuned for 8 GPUs x 2 clips; scale lr linearly with the total batch
optim_wrapper = dict(
    type='OptimWrapper',
    optimizer=dict(type='SGD', lr=0.002, momentum=0.9, weight_decay=1e-4),
    clip_grad=dict(max_norm=35, norm_type=2))
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0,
         end=200),
    dict(type='MultiStepLR', by_epoch=True, milestones=[1], gamma=0.1)
]
# the checkpoint to test is the one with the best MOTA on half-train-select
default_hooks = dict(
    checkpoint=dict(
        type='CheckpointHook',
        interval=1,
        save_best='motchallenge-metric/MOTA',
        rule='greater'),
    # exact resume after a kill, as configs/_base_/default_runtime.py
    random_state=dict(type='RandomStateHook'),
    resume_validation=dict(type='ResumeValidationHook'))
custom_hooks = []
auto_scale_lr = dict(enable=False, base_batch_size=16)
# mmtrack's Tracktor base sets no seed: every run would draw its own
randomness = dict(seed=0)
