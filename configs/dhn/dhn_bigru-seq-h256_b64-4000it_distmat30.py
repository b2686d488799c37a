# The paper's Deep Hungarian Net: sequential bi-GRU, 2 layers, 256 hidden
# units per direction, trained on DeepMOT distance matrices (tracks x
# objects) of up to 30 x 30 labelled by the Hungarian method.
_base_ = ['../_base_/default_runtime.py']

dhn = dict(
    type='DeepHungarianNet',
    hidden_size=256,
    num_layers=2,
    cell='GRU',
    variant='sequential',
    head_dims=(256, 64))
model = dict(type='SupervisedDHN', dhn=dhn, focal_gamma=0.0)

max_size = 30
batch_size = 64
matrix_data = dict(
    type='DistanceMatrixDataset',
    min_size=1,
    max_size=max_size,
    real_prob=0.3,
    real_gt_files=['motmetrics:TUD-Campus', 'motmetrics:TUD-Stadtmitte'],
    # one size range per batch: the RNN's cost is set by the longest matrix
    group_size=batch_size)

# items are random draws already; keeping their order (no shuffling) keeps
# each batch within one size group
loader = dict(
    batch_size=batch_size,
    num_workers=1,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    collate_fn=dict(type='list_collate'))
train_dataloader = dict(
    dataset=dict(length=200000, seed=0, **matrix_data), **loader)
# a fixed seed, never used for training, makes the held-out split
val_dataloader = dict(
    dataset=dict(length=640, seed=20200614, **matrix_data), **loader)
test_dataloader = val_dataloader
val_evaluator = dict(type='DHNAssignmentMetric', threshold=0.5)
test_evaluator = val_evaluator

max_iters = 4000
train_cfg = dict(type='IterBasedTrainLoop', max_iters=max_iters,
                 val_interval=250)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')

optim_wrapper = dict(
    type='OptimWrapper',
    optimizer=dict(type='Adam', lr=2e-3),
    clip_grad=dict(max_norm=5.0))
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0,
         end=200),
    dict(type='CosineAnnealingLR', by_epoch=False, begin=200,
         end=max_iters, eta_min=1e-5),
]
default_hooks = dict(
    checkpoint=dict(
        type='CheckpointHook',
        by_epoch=False,
        interval=250,
        max_keep_ckpts=3,
        save_best='dhn/wa',
        rule='greater'))
