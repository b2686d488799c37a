# DeepMOT-Tracktor on the generated data set: the vanilla twin
# (vanilla_tracktor_toy.py) plus the DeepMOT loss of Tracktor unrolled over
# 3-frame clips, through the frozen, shipped DHN.
#   .venv/bin/python tools/train.py configs/toy/deepmot_tracktor_toy.py
#   .venv/bin/python tools/test.py configs/toy/deepmot_tracktor_toy.py \
#       --checkpoint work_dirs/deepmot_tracktor_toy/iter_600.pth
_base_ = ['./vanilla_tracktor_toy.py']

model = dict(
    deepmot_loss=dict(
        _delete_=True,
        type='DeepMOTLoss',
        # the DHN reads the blocks of overlapping pairs, not whole matrices:
        # pairs at distance >= 0.5 have IoU 0, which the IoU gate zeroes
        # anyway, and the DHN's CPU cost grows with the matrix area
        # (benchmarks/tracktor_step.py: +50% on the vanilla step, not +370%)
        matcher=dict(type='DHNMatcher', split_above=0.5),
        delta=0.7,
        scale=10.0,
        lambda_motp=5.0,
        gamma_ids=1.0,
        min_iou=0.5,
        distance='deepmot',
        loss_weight=1.0,
        # death by score: the classification head learns from the loss too
        use_scores=True))
custom_hooks = [dict(type='DeepMOTHook', interval=50)]
