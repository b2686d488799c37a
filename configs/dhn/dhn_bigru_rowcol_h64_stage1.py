# The row/column DHN (issue 17, first run): the stage-1 recipe of the
# shipped network with variant='rowcol' (each row, then each column, a
# sequence of its own: h + w recurrent steps instead of h x w), two rounds of
# one-layer bi-GRUs at 64 units. Same data, loss and schedule.
#   .venv/bin/python tools/train.py \
#       configs/dhn/dhn_bigru_rowcol_h64_stage1.py \
#       --work-dir work_dirs/dhn_rowcol_h64
_base_ = ['./dhn_bigru_seq_h64_stage1.py']

model = dict(dhn=dict(variant='rowcol', rounds=2, num_layers=1))
