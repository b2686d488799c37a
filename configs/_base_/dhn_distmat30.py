# Training a Deep Hungarian Net (SupervisedDHN) on DeepMOT distance matrices
# (tracks x objects) of up to 30 x 30 labelled by the Hungarian method, 30 %
# of them from real ground truth; an iteration loop validated every 250
# iterations on a fixed set. A config adds the network and its schedule.
_base_ = ['./default_runtime.py']

model = dict(type='SupervisedDHN', focal_gamma=0.0)

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

train_cfg = dict(type='IterBasedTrainLoop', val_interval=250)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')

optim_wrapper = dict(
    type='OptimWrapper',
    optimizer=dict(type='Adam', lr=2e-3),
    clip_grad=dict(max_norm=5.0))
default_hooks = dict(
    checkpoint=dict(
        type='CheckpointHook',
        by_epoch=False,
        interval=250,
        max_keep_ckpts=3,
        save_best='dhn/wa',
        rule='greater'))
