# DeepMOT-Tracktor on PETS09-S2L1 from a real start: the MobileNetV2-FPN
# detector of stage0_tracktor_mbv2-fpn_1xb2-clip2-600it_pets09.py (the start
# chosen on half-train-select, docs/real_pixels.md) with Tracktor++'s
# appearance re-identification of lost tracks; clips, loss, schedule and the
# other test-time rules are the small network's
# (deepmot_tracktor_r18-c16-fpn_1xb2-clip3-600it_pets09.py).
#   .venv/bin/python tools/train.py \
#       configs/deepmot_tracktor/deepmot_tracktor_mbv2-fpn_1xb2-clip3-600it_pets09.py
_base_ = [
    './deepmot_tracktor_r18-c16-fpn_1xb2-clip3-600it_pets09.py',
    '../_base_/models/mobilenetv2_fpn_tracktor.py'
]

model = dict(
    detector={{_base_.mbv2_person}},
    data_preprocessor={{_base_.mbv2_person_preprocessor}},
    reid={{_base_.mbv2_reid}},
    # Tracktor++'s constant velocity for live tracks, over 8 steps: best
    # HOTA on half-train-select (docs/real_pixels.md)
    tracker=dict(reid={{_base_.mbv2_reid_rules}}, live_motion_steps=8),
    frozen_modules=['detector.backbone', 'detector.neck',
                    'detector.rpn_head', 'reid'])
load_from = 'checkpoints/tracktor_detector_pets09_mbv2.pth'
