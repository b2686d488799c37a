# The vanilla twin on the generated set: the stage-0 SiamRPN fine-tuned on
# 3-frame clips with its own loss.
_base_ = ['./stage0_siamrpn_r18-c16_1xb2-1000it_toy.py']

model = dict(frozen_modules=['backbone'])
load_from = 'checkpoints/siamrpn_sot_toy.pth'

max_iters = 300
# clips of half-train-fit; every 50 iterations a validation on
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
    type='IterBasedTrainLoop', max_iters=max_iters, val_interval=50)
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=0.001, momentum=0.9, weight_decay=1e-4))
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
        interval=50,
        max_keep_ckpts=2,
        save_best='motchallenge-metric/MOTA',
        rule='greater'))
