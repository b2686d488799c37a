# MMTracking's SiamRPN++ (ResNet-50, trained on ImageNet VID/DET and COCO,
# loaded through init_cfg) run as a multi-object tracker and set up for
# training on clips of MOT17 half-train-fit (validation on half-train-select,
# test on half-val): one template per track, births from MOT17's public
# detections, deaths by score and by lack of detection support; SiamRPN's own
# loss, the backbone frozen (the paper freezes the first layers), Adam at 1e-4
# as the paper's SiamRPN training. The body of every DeepMOT-SiamRPN config,
# which adds the loss (configs/deepmot_siamrpn/README.md).
_base_ = [
    'mmtrack::sot/siamese_rpn/'
    'siamese-rpn_r50_8xb28-20e_imagenetvid-imagenetdet-coco_base.py',
    './datasets/mot17_loaders.py'
]
custom_imports = dict(imports=['mmdeepmot'], allow_failed_imports=False)

model = dict(
    type='DeepMOTSiamRPN',
    init_cfg=dict(
        type='Pretrained',
        checkpoint=  # noqa: E251
        'https://download.openmmlab.com/mmtracking/sot/siamese_rpn/'
        'siamese_rpn_r50_1x_lasot/'
        'siamese_rpn_r50_20e_lasot_20220420_181845-dd0f151e.pth'),
    # the whole model's weights come from the checkpoint above
    backbone=dict(init_cfg=None),
    # SiamRPN's own loss; a DeepMOT config sets its loss here
    deepmot_loss=None,
    frozen_modules=['backbone'],
    # MOT17's DPM detections score partly below 0; set det_score_thr and
    # the death rules on half-train with tools/tune_tracker.py
    head=dict(type='MultiSiameseRPNHead'),
    tracker=dict(
        type='SiamRPNMOTTracker',
        det_score_thr=0.0,
        death_score_thr=0.5,
        max_lost=3,
        support_iou_thr=0.3,
        nms_iou_thr=0.6))

# SiamRPN crops its own regions from the full frame: no resize or crop
# here; flips and colour changes are shared by the frames of a clip
train_pipeline = [
    dict(
        type='TransformBroadcaster',
        share_random_params=True,
        transforms=[
            dict(type='LoadImageFromFile'),
            dict(type='LoadTrackAnnotations', with_instance_id=True),
            dict(type='mmdet.PhotoMetricDistortion'),
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
data_root = 'data/MOT17/'  # the loaders' (mot17_loaders.py)
train_dataloader = dict(
    _base_.mot17_clip_loader,
    _delete_=True,
    dataset=dict(_base_.mot17_clip_loader.dataset, pipeline=train_pipeline))
val_dataloader = dict(
    _base_.mot17_select_loader,
    dataset=dict(_base_.mot17_select_loader.dataset,
                 pipeline=test_pipeline))
test_dataloader = dict(
    _base_.mot17_public_test_loader,
    dataset=dict(_base_.mot17_public_test_loader.dataset,
                 pipeline=test_pipeline))
val_evaluator = dict(type='MOTChallengeTableMetrics', benchmark='MOT17')
test_evaluator = val_evaluator

train_cfg = dict(
    _delete_=True, type='EpochBasedTrainLoop', max_epochs=2, val_interval=1)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
# tuned for 8 GPUs x 2 clips; scale lr linearly with the total batch
optim_wrapper = dict(
    _delete_=True,
    type='OptimWrapper',
    optimizer=dict(type='Adam', lr=1e-4, weight_decay=1e-4),
    clip_grad=dict(max_norm=10, norm_type=2))
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
# replaces the base's backbone-unfreezing hook (its epoch 10 never comes)
custom_hooks = []
auto_scale_lr = dict(enable=False, base_batch_size=16)
