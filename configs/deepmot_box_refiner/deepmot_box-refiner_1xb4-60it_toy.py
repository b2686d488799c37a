# A toy box refiner trained with the DeepMOT loss on ToyBoxClipDataset:
# a seconds-long check that dMOTA rises when the loss is minimised.
_base_ = ['../_base_/default_runtime.py']
# ToyBoxRefiner and ToyBoxClipDataset live apart from the paper's components
custom_imports = dict(
    imports=['mmdeepmot', 'mmdeepmot.toy'], allow_failed_imports=False)

model = dict(
    type='ToyBoxRefiner',
    hidden=32,
    loss=dict(
        type='DeepMOTLoss',
        matcher=dict(type='SinkhornMatcher', max_cost=0.5),
        delta=0.5,
        scale=10.0,
        lambda_motp=5.0,
        min_iou=0.5))

clip_data = dict(type='ToyBoxClipDataset', num_frames=4, num_objects=6)
train_dataloader = dict(
    batch_size=4,
    num_workers=0,
    sampler=dict(type='DefaultSampler', shuffle=True),
    collate_fn=dict(type='list_collate'),
    dataset=dict(length=256, seed=0, **clip_data))

train_cfg = dict(type='IterBasedTrainLoop', max_iters=60)
optim_wrapper = dict(
    type='OptimWrapper', optimizer=dict(type='Adam', lr=3e-3))
custom_hooks = [dict(type='DeepMOTHook')]
default_hooks = dict(
    logger=dict(type='LoggerHook', interval=10),
    checkpoint=dict(type='CheckpointHook', by_epoch=False, interval=30))
log_processor = dict(window_size=10)
