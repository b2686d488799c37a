# The shipped DHN: the paper's architecture at 64 hidden units per direction
# (about 4x faster on CPU); checkpoints/dhn_bigru_seq_h64.pth.
_base_ = ['./dhn_bigru_seq.py']

model = dict(dhn=dict(hidden_size=64, head_dims=(64, 32)))
