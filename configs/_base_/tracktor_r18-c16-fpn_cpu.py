# The MOT17 Tracktor body (tracktor_clips_mot17halftrain.py) at CPU size: a
# ResNet-18 Faster R-CNN at 1/4 width (1.2 M parameters, all stages and batch
# norms trainable), no ReID network, frames read at 640 and an iteration loop
# validated every 150 iterations. A config adds its data root and schedule.
_base_ = ['./tracktor_clips_mot17halftrain.py']

# the recipe resizes 1920x1080 frames into 1088x1088; the CPU sets' frames
# (drawn MOT17 at 640x360, PETS09 at 768x576) are read into 640x640
img_scale = (640, 640)

model = dict(
    detector=dict(
        backbone=dict(
            depth=18,
            base_channels=16,
            frozen_stages=-1,
            norm_eval=False,
            init_cfg=None),
        neck=dict(in_channels=[16, 32, 64, 128], out_channels=32),
        rpn_head=dict(in_channels=32, feat_channels=32),
        roi_head=dict(
            bbox_roi_extractor=dict(out_channels=32),
            bbox_head=dict(in_channels=32, fc_out_channels=256)),
        init_cfg=None),
    reid=None,
    tracker=dict(reid=None),
    frozen_modules=['detector.backbone', 'detector.neck',
                    'detector.rpn_head'])

# the recipe's pipelines with the image scale above
train_pipeline = [
    dict(
        type='TransformBroadcaster',
        share_random_params=True,
        transforms=[
            dict(type='LoadImageFromFile'),
            dict(type='LoadTrackAnnotations', with_instance_id=True),
            dict(
                type='mmdet.RandomResize',
                scale=img_scale,
                ratio_range=(0.8, 1.2),
                keep_ratio=True,
                clip_object_border=False),
            dict(type='mmdet.PhotoMetricDistortion'),
            dict(
                type='RandomCropWithIds',
                crop_size=img_scale,
                allow_negative_crop=True,
                bbox_clip_border=False),
            dict(type='mmdet.RandomFlip', prob=0.5),
        ]),
    dict(type='PackTrackInputs', ref_prefix='ref', num_key_frames=1)
]
test_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='LoadTrackAnnotations', with_instance_id=True),
    dict(type='mmdet.Resize', scale=img_scale, keep_ratio=True),
    dict(type='PackTrackInputs', pack_single_img=True,
         meta_keys=('public_bboxes', ))
]
train_dataloader = dict(num_workers=1, dataset=dict(pipeline=train_pipeline))
val_dataloader = dict(num_workers=1, dataset=dict(pipeline=test_pipeline))
test_dataloader = dict(num_workers=1, dataset=dict(pipeline=test_pipeline))

# iterations of 2 clips; the test takes the checkpoint with the best MOTA on
# half-train-select. A config sets max_iters and the rates
train_cfg = dict(_delete_=True, type='IterBasedTrainLoop', val_interval=150)
default_hooks = dict(
    # validation figures logged by iteration (mmengine's default logs them
    # by epoch, always 0 in an iteration loop)
    logger=dict(type='LoggerHook', interval=50, log_metric_by_epoch=False),
    checkpoint=dict(by_epoch=False, max_keep_ckpts=2))
# progress counted in iterations, not in clips of an epoch that never ends
log_processor = dict(type='LogProcessor', window_size=50, by_epoch=False)
