# DeepMOT-Tracktor on MOT17 (half-train-fit -> half-val), for a GPU machine
# with the data set (see README, "MOT17 on a GPU"):
#   python tools/mot2cocovid.py data/MOT17
#   python tools/train.py configs/deepmot_tracktor_mot17.py
#   python tools/test.py configs/deepmot_tracktor_mot17.py \
#       --checkpoint work_dirs/deepmot_tracktor_mot17/best_*.pth
# MMTracking's Tracktor (Faster R-CNN R50-FPN and ReID R50 trained on
# MOT17 half-train, loaded through init_cfg) fine-tuned on 3-frame clips
# with the DeepMOT loss (Sinkhorn matcher, the base's default; the paper's
# DHN is _base_.dhn_matcher), plus the detector's own losses. As in the
# paper, only what Tracktor's tracking step uses is trained: the RoI head
# (box regression and score); backbone, neck, RPN and ReID stay frozen. At
# test time the RoI head refines MOT17's public detections (the public
# protocol, as the paper's Tracktor).
_base_ = [
    'mmtrack::mot/tracktor/'
    'tracktor_faster-rcnn_r50_fpn_8xb2-4e_mot17halftrain_test-mot17halfval.py',
    '../_base_/deepmot_loss.py', '../_base_/datasets/mot17_loaders.py'
]
custom_imports = dict(imports=['mmdeepmot'], allow_failed_imports=False)

model = dict(
    type='DeepMOTTracktor',
    deepmot_loss={{_base_.deepmot_loss}},
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
custom_hooks = [{{_base_.deepmot_hook}}]
auto_scale_lr = dict(enable=False, base_batch_size=16)
# mmtrack's Tracktor base sets no seed: every run would draw its own
randomness = dict(seed=0)
