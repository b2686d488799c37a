# The real-start vanilla twin on PETS09: stage 0 with Tracktor++'s motion and
# re-identification, fine-tuned under the small network's twin schedule.
_base_ = ['./stage0_tracktor_mbv2-fpn_1xb2-clip2-600it_pets09.py']

load_from = 'checkpoints/tracktor_detector_pets09_mbv2.pth'
model = dict(
    reid={{_base_.mbv2_reid}},
    # Tracktor++'s constant velocity for live tracks, over 8 steps: best
    # HOTA on half-train-select (docs/real_pixels.md)
    tracker=dict(reid={{_base_.mbv2_reid_rules}}, live_motion_steps=8),
    frozen_modules=['detector.backbone', 'detector.neck',
                    'detector.rpn_head', 'reid'])
train_dataloader = dict(dataset=dict(clip_length=3))
optim_wrapper = dict(optimizer=dict(lr=0.002))
param_scheduler = [
    dict(type='CosineAnnealingLR', by_epoch=False, begin=0, end=600,
         eta_min=1e-5)
]
