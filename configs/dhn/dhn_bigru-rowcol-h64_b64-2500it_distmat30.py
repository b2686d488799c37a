# The row/column DHN (issue 17, first run): the stage-1 recipe of the
# shipped network with variant='rowcol' (each row, then each column, a
# sequence of its own: h + w recurrent steps instead of h x w), two rounds of
# one-layer bi-GRUs at 64 units. Same data, loss and schedule.
#   .venv/bin/python tools/train.py \
#       configs/dhn/dhn_bigru-rowcol-h64_b64-2500it_distmat30.py \
#       --work-dir work_dirs/dhn_rowcol_h64
_base_ = ['./dhn_bigru-seq-h64_b64-2500it_distmat30.py']

model = dict(dhn=dict(variant='rowcol', rounds=2, num_layers=1))
