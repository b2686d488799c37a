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
        matcher=dict(type='DHNMatcher'),
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
