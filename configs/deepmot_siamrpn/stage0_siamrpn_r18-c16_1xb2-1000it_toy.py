# Stage 0 of the toy twins: a small SiamRPN from scratch on the generated set;
# shipped as checkpoints/siamrpn_sot_toy.pth.
_base_ = [
    '../_base_/default_runtime.py', '../_base_/datasets/toy_mot17.py'
]

exemplar_size = 63
search_size = 127

model = dict(
    type='DeepMOTSiamRPN',
    data_preprocessor=dict(
        type='TrackDataPreprocessor',
        mean=[123.675, 116.28, 103.53],
        std=[58.395, 57.12, 57.375],
        bgr_to_rgb=True),
    backbone=dict(
        type='mmdet.ResNet',
        depth=18,
        base_channels=16,
        num_stages=3,
        out_indices=(1, 2),
        strides=(1, 2, 1),
        dilations=(1, 1, 2),
        frozen_stages=-1,
        norm_cfg=dict(type='BN', requires_grad=True),
        norm_eval=False,
        style='pytorch'),
    neck=dict(
        type='mmdet.ChannelMapper',
        in_channels=[32, 64],
        out_channels=32,
        kernel_size=1,
        norm_cfg=dict(type='BN'),
        act_cfg=None),
    head=dict(
        type='MultiSiameseRPNHead',
        anchor_generator=dict(
            type='SiameseRPNAnchorGenerator',
            strides=[8],
            ratios=[0.33, 0.5, 1, 2, 3],
            # people are about 20 x 50 pixels in a 63-pixel exemplar
            scales=[4]),
        in_channels=[32, 32],
        weighted_sum=True,
        bbox_coder=dict(
            type='mmdet.DeltaXYWHBBoxCoder',
            target_means=[0., 0., 0., 0.],
            target_stds=[1., 1., 1., 1.]),
        loss_cls=dict(
            type='mmdet.CrossEntropyLoss', reduction='sum', loss_weight=1.0),
        loss_bbox=dict(type='mmdet.L1Loss', reduction='sum', loss_weight=1.2)),
    train_cfg=dict(
        rpn=dict(
            assigner=dict(
                type='mmdet.MaxIoUAssigner',
                pos_iou_thr=0.6,
                neg_iou_thr=0.3,
                min_pos_iou=0.6,
                match_low_quality=False,
                iou_calculator=dict(type='mmdet.BboxOverlaps2D')),
            sampler=dict(
                type='mmdet.RandomSampler',
                num=64,
                pos_fraction=0.25,
                add_gt_as_proposals=False),
            num_neg=16,
            exemplar_size=exemplar_size,
            search_size=search_size)),
    test_cfg=dict(
        exemplar_size=exemplar_size,
        search_size=search_size,
        context_amount=0.5,
        center_size=5,
        rpn=dict(penalty_k=0.05, window_influence=0.42, lr=0.38)),
    # chosen by MOTA on the half-val split (frames of the training videos)
    # with the stage-0 weights (tools/tune_tracker.py; README, Trackers):
    # the Siamese score stays high on whatever a track drifted to, so
    # tracks also die after 3 frames without a public detection at IoU 0.5;
    # a new track whose template is that similar (cosine 0.5) to one dead
    # for at most 30 frames takes its id
    tracker=dict(
        type='SiamRPNMOTTracker',
        death_score_thr=0.8,
        max_lost=1,
        support_iou_thr=0.5,
        max_unsupported=3,
        nms_iou_thr=0.5,
        reid_thr=0.5))

max_iters = 1000
train_cfg = dict(type='IterBasedTrainLoop', max_iters=max_iters)
optim_wrapper = dict(
    type='OptimWrapper',
    optimizer=dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=1e-4),
    clip_grad=dict(max_norm=10, norm_type=2))
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0,
         end=100),
    dict(type='MultiStepLR', by_epoch=False, milestones=[700, 900],
         gamma=0.1)
]
default_hooks = dict(
    logger=dict(type='LoggerHook', interval=50),
    checkpoint=dict(type='CheckpointHook', by_epoch=False, interval=500,
                    max_keep_ckpts=2))
