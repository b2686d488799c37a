# The vanilla twin on the generated set: the stage-0 detector fine-tuned on
# 3-frame clips with the detector's own losses.
_base_ = ['./stage0_tracktor_r18-c16-fpn_1xb2-clip3-2000it_toy.py']

# Tracktor's tracking step is the RoI head regressing last frame's boxes;
# as in the paper, the features below it stay as the detector learnt them.
model = dict(
    frozen_modules=['detector.backbone', 'detector.neck',
                    'detector.rpn_head'])
load_from = 'checkpoints/tracktor_detector_toy.pth'

max_iters = 600
# clips of half-train-fit; every 100 iterations a validation on
# half-train-select (the FRCNN videos), whose best MOTA picks the checkpoint
# projects/twin_study/tools/compare_twins.py tests
train_dataloader = dict(dataset={{_base_.toy_fit_dataset}})
val_dataloader = dict(
    _base_.toy_select_loader,
    dataset=dict(
        _base_.toy_select_loader.dataset, pipeline=_base_.test_pipeline))
val_evaluator = {{_base_.test_evaluator}}
val_cfg = dict(type='ValLoop')
train_cfg = dict(
    type='IterBasedTrainLoop', max_iters=max_iters, val_interval=100)
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=0.002, momentum=0.9, weight_decay=1e-4))
param_scheduler = [
    dict(type='CosineAnnealingLR', by_epoch=False, begin=0, end=max_iters,
         eta_min=1e-5)
]
default_hooks = dict(
    # validation figures logged by iteration (mmengine's default logs them
    # by epoch, always 0 in an iteration loop)
    logger=dict(log_metric_by_epoch=False),
    checkpoint=dict(
        type='CheckpointHook',
        by_epoch=False,
        interval=100,
        max_keep_ckpts=2,
        save_best='motchallenge-metric/MOTA',
        rule='greater'))
