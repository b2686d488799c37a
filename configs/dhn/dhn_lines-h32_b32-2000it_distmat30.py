# Stage 1 of the line-reading DHN (issue 17): variant='lines' (every row and
# column of every matrix, forwards and backwards, one batch of one GRU per
# round: max(h, w) recurrent steps per round instead of h x w), 2 rounds of 32
# units, which keeps forward + backward of a 50 x 50 matrix under 50 ms on one
# CPU thread. The shipped network's data and class-balanced loss; batches of 32
# matrices.
#   .venv/bin/python tools/train.py \
#       configs/dhn/dhn_lines-h32_b32-2000it_distmat30.py \
#       --work-dir work_dirs/dhn_lines_h32
_base_ = ['./dhn_bigru-seq-h64_b64-2500it_distmat30.py']

model = dict(
    dhn=dict(
        variant='lines',
        hidden_size=32,
        num_layers=1,
        rounds=2,
        head_dims=(32, 32)))

batch_size = 32
train_dataloader = dict(
    batch_size=batch_size, dataset=dict(group_size=batch_size))
val_dataloader = dict(
    batch_size=batch_size, dataset=dict(group_size=batch_size))
test_dataloader = val_dataloader

max_iters = 2000
train_cfg = dict(max_iters=max_iters)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0,
         end=200),
    dict(type='CosineAnnealingLR', by_epoch=False, begin=200,
         end=max_iters, eta_min=1e-5),
]
