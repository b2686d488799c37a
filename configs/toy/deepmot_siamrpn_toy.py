# DeepMOT-SiamRPN on the generated data set: the vanilla twin
# (vanilla_siamrpn_toy.py) plus the DeepMOT loss of the tracker unrolled
# over 3-frame clips, through the frozen, shipped DHN.
#   .venv/bin/python tools/train.py configs/toy/deepmot_siamrpn_toy.py
#   .venv/bin/python tools/test.py configs/toy/deepmot_siamrpn_toy.py \
#       --checkpoint work_dirs/deepmot_siamrpn_toy/iter_300.pth
_base_ = ['./vanilla_siamrpn_toy.py']

model = dict(
    deepmot_loss=dict(
        _delete_=True,
        type='DeepMOTLoss',
        # blocks of overlapping pairs: see deepmot_tracktor_toy.py
        matcher=dict(type='DHNMatcher', split_above=0.5),
        delta=0.7,
        scale=10.0,
        lambda_motp=5.0,
        gamma_ids=1.0,
        min_iou=0.5,
        distance='deepmot',
        loss_weight=1.0,
        use_scores=True))
custom_hooks = [dict(type='DeepMOTHook', interval=50)]
