# The paper's Deep Hungarian Net: sequential bi-GRU, 2 layers, 256 hidden
# units per direction, trained on DeepMOT distance matrices (tracks x
# objects) of up to 30 x 30 labelled by the Hungarian method.
_base_ = ['../_base_/dhn_distmat30.py']

model = dict(
    dhn=dict(
        type='DeepHungarianNet',
        hidden_size=256,
        num_layers=2,
        cell='GRU',
        variant='sequential',
        head_dims=(256, 64)))

max_iters = 4000
train_cfg = dict(max_iters=max_iters)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0,
         end=200),
    dict(type='CosineAnnealingLR', by_epoch=False, begin=200,
         end=max_iters, eta_min=1e-5),
]
