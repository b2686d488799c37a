# DeepMOT-Tracktor on the drawn MOT17: configs/deepmot_tracktor_mot17.py (the
# GPU recipe: MOT17's files, half-train-fit clips, validation on
# half-train-select, half-val with the public detections) at CPU size. Only the
# model size, the image scale and the data root differ, plus an iteration
# schedule for a CPU; it starts from the shipped stage-0 detector
# (stage0_tracktor_r18-c16-fpn_1xb2-clip2-3000it_mot17drawn.py).
#   .venv/bin/python tools/render_mot.py ../shared/data/MOT17-labels \
#       data/MOT17-drawn --scale 0.333
#   .venv/bin/python tools/train.py \
#       configs/deepmot_tracktor/deepmot_tracktor_r18-c16-fpn_1xb2-clip3-1200it_mot17drawn.py
#   .venv/bin/python tools/test.py \
#       configs/deepmot_tracktor/deepmot_tracktor_r18-c16-fpn_1xb2-clip3-1200it_mot17drawn.py \
#       --checkpoint \
#       work_dirs/deepmot_tracktor_r18-c16-fpn_1xb2-clip3-1200it_mot17drawn/best_*.pth
_base_ = ['./deepmot_tracktor_r50-fpn_8xb2-clip3-2e_mot17halftrain.py']

data_root = 'data/MOT17-drawn/'
# the recipe resizes 1920x1080 frames into 1088x1088; drawn frames are
# 640x360 (scale 1/3) and are read at their own size
img_scale = (640, 640)

# model size: the recipe's R50-FPN Faster R-CNN at 1/4 width and depth 18
# (1.2 M parameters), trained from scratch here (all stages, BN trained);
# no ReID network (Tracktor without re-identification); the paper's DHN as
# matcher, as the study's results (not the base's Sinkhorn)
model = dict(
    deepmot_loss=dict(matcher={{_base_.dhn_matcher}}),
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
load_from = 'checkpoints/tracktor_detector_mot17drawn.pth'

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
train_dataloader = dict(
    num_workers=1,
    dataset=dict(data_root=data_root, pipeline=train_pipeline))
val_dataloader = dict(
    num_workers=1,
    dataset=dict(data_root=data_root, pipeline=test_pipeline))
test_dataloader = dict(
    num_workers=1,
    dataset=dict(data_root=data_root, pipeline=test_pipeline))

# a CPU schedule: iterations of 2 clips on half-train-fit, validated on
# half-train-select every 150 iterations (about 30 s each); the test takes
# the checkpoint with the best validation MOTA. The rate and the length were
# chosen on half-train-select (benchmarks/mot17drawn_schedules.sh; the
# figures are in docs/results.md)
max_iters = 1200
train_cfg = dict(
    _delete_=True,
    type='IterBasedTrainLoop',
    max_iters=max_iters,
    val_interval=150)
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=0.002, momentum=0.9, weight_decay=1e-4))
param_scheduler = [
    dict(type='CosineAnnealingLR', by_epoch=False, begin=0, end=max_iters,
         eta_min=1e-5)
]
default_hooks = dict(
    # validation figures logged by iteration (mmengine's default logs
    # them by epoch, always 0 in an iteration loop)
    logger=dict(
        type='LoggerHook', interval=50, log_metric_by_epoch=False),
    checkpoint=dict(by_epoch=False, interval=150, max_keep_ckpts=2))
# progress counted in iterations, not in clips of an epoch that never ends
log_processor = dict(type='LogProcessor', window_size=50, by_epoch=False)
