# The vanilla twin of deepmot_tracktor_toy.py: the same model, data, clips,
# frozen parts and schedule, fine-tuned from the stage-0 detector with the
# detector's own losses only. The stage-0 detector ships in checkpoints/
# (tracktor_detector_toy.py, 2000 iterations on the default data set,
# tools/publish_model.py); retrain it with that config to change it.
#   .venv/bin/python tools/train.py configs/toy/vanilla_tracktor_toy.py
#   .venv/bin/python tools/test.py configs/toy/vanilla_tracktor_toy.py \
#       --checkpoint work_dirs/vanilla_tracktor_toy/iter_600.pth
_base_ = ['./tracktor_detector_toy.py']

# Tracktor's tracking step is the RoI head regressing last frame's boxes;
# as in the paper, the features below it stay as the detector learnt them.
model = dict(
    frozen_modules=['detector.backbone', 'detector.neck',
                    'detector.rpn_head'])
load_from = 'checkpoints/tracktor_detector_toy.pth'

max_iters = 600
train_cfg = dict(type='IterBasedTrainLoop', max_iters=max_iters)
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=0.002, momentum=0.9, weight_decay=1e-4))
param_scheduler = [
    dict(type='CosineAnnealingLR', by_epoch=False, begin=0, end=max_iters,
         eta_min=1e-5)
]
default_hooks = dict(
    checkpoint=dict(type='CheckpointHook', by_epoch=False, interval=300,
                    max_keep_ckpts=2))
