# SiamRPN on MobileNetV2 feature layers from weights a package ships, as
# SiamRPN++'s MobileNetV2 variant: strides past 8 turned into dilations, the
# head on the outputs of layers 3, 5 and 7 (32, 96 and 320 channels). A
# config takes them as
#   model = dict(backbone={{_base_.mbv2_siamrpn_backbone}},
#                neck={{_base_.mbv2_siamrpn_neck}}, ...)
mbv2_siamrpn_backbone = dict(
    _delete_=True,
    type='mmdet.DilatedMobileNetV2',
    output_stride=8,
    same_padding=True,  # the person weights were trained in TensorFlow
    out_indices=(2, 4, 6),
    # stem and first block as pretrained, batch norms keep their statistics
    frozen_stages=1,
    norm_eval=True,
    init_cfg=dict(
        type='Pretrained', checkpoint='mmdeepmot://mobilenet_v2/person'))
# a CPU-size neck and head: 64 channels on each of the three levels
mbv2_siamrpn_neck = dict(in_channels=[32, 96, 320], out_channels=64)
mbv2_siamrpn_head = dict(in_channels=[64, 64, 64])
# the person weights' input: RGB, 2 / 255 x - 1 (SiamRPN's crops unpadded)
mbv2_siamrpn_preprocessor = dict(
    type='TrackDataPreprocessor',
    mean=[127.5, 127.5, 127.5],
    std=[127.5, 127.5, 127.5],
    bgr_to_rgb=True)
