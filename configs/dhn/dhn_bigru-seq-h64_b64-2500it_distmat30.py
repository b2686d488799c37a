# Stage 1 of the former default DHN (checkpoints/dhn_bigru_seq_h64.pth): the
# paper's sequential bi-GRU at 64 hidden units per direction (about 4x faster
# on CPU than 256), reading each distance together with its gap to the row and
# column minimum (they raised held-out F1; docs/dhn.md). Class-balanced loss.
#   .venv/bin/python tools/train.py \
#       configs/dhn/dhn_bigru-seq-h64_b64-2500it_distmat30.py \
#       --work-dir work_dirs/dhn_h64
_base_ = ['../_base_/dhn_distmat30.py']

model = dict(
    dhn=dict(
        type='DeepHungarianNet',
        hidden_size=64,
        num_layers=2,
        cell='GRU',
        variant='sequential',
        head_dims=(64, 32),
        input_features=('dist', 'row_gap', 'col_gap')))

max_iters = 2500
train_cfg = dict(max_iters=max_iters)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0,
         end=200),
    dict(type='CosineAnnealingLR', by_epoch=False, begin=200,
         end=max_iters, eta_min=1e-5),
]
