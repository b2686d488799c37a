# The vanilla twin on the drawn MOT17: stage 0 fine-tuned on 3-frame clips with
# the detector's losses, backbone, neck and RPN frozen.
_base_ = ['./stage0_tracktor_r18-c16-fpn_1xb2-clip2-3000it_mot17drawn.py']

load_from = 'checkpoints/tracktor_detector_mot17drawn.pth'
model = dict(frozen_modules=['detector.backbone', 'detector.neck',
                             'detector.rpn_head'])
train_dataloader = dict(dataset=dict(clip_length=3))

# rate and length chosen on half-train-select
# (projects/twin_study/scripts/mot17drawn_schedules.sh)
max_iters = 1200
train_cfg = dict(max_iters=max_iters)
optim_wrapper = dict(optimizer=dict(lr=0.002))
param_scheduler = [
    dict(type='CosineAnnealingLR', by_epoch=False, begin=0, end=max_iters,
         eta_min=1e-5)
]
default_hooks = dict(checkpoint=dict(interval=150))
