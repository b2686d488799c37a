# The real-start vanilla twin on 8-frame clips (one a step), long enough for a
# switch to last: the identity-term study's vanilla twin.
_base_ = ['./stage0_tracktor_mbv2-fpn_1xb2-clip2-600it_pets09.py']

load_from = 'checkpoints/tracktor_detector_pets09_mbv2.pth'
model = dict(
    reid={{_base_.mbv2_reid}},
    tracker=dict(reid={{_base_.mbv2_reid_rules}}, live_motion_steps=8),
    frozen_modules=['detector.backbone', 'detector.neck',
                    'detector.rpn_head', 'reid'],
    # the frozen parts folded and channels-last: same outputs, faster steps
    fast_frozen_modules=True)
train_dataloader = dict(batch_size=1, dataset=dict(clip_length=8))
optim_wrapper = dict(optimizer=dict(lr=0.002))
param_scheduler = [
    dict(type='CosineAnnealingLR', by_epoch=False, begin=0, end=600,
         eta_min=1e-5)
]
