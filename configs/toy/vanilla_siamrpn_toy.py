# The vanilla twin of deepmot_siamrpn_toy.py: the same model, data, clips,
# frozen backbone and schedule, fine-tuned from the stage-0 SiamRPN
# (siamrpn_sot_toy.py, shipped in checkpoints/) with SiamRPN's own loss.
#   .venv/bin/python tools/train.py configs/toy/vanilla_siamrpn_toy.py
#   .venv/bin/python tools/test.py configs/toy/vanilla_siamrpn_toy.py \
#       --checkpoint work_dirs/vanilla_siamrpn_toy/iter_300.pth
_base_ = ['./siamrpn_sot_toy.py']

model = dict(frozen_modules=['backbone'])
load_from = 'checkpoints/siamrpn_sot_toy.pth'

max_iters = 300
train_cfg = dict(type='IterBasedTrainLoop', max_iters=max_iters)
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=0.001, momentum=0.9, weight_decay=1e-4))
param_scheduler = [
    dict(type='CosineAnnealingLR', by_epoch=False, begin=0, end=max_iters,
         eta_min=1e-5)
]
default_hooks = dict(
    checkpoint=dict(type='CheckpointHook', by_epoch=False, interval=150,
                    max_keep_ckpts=2))
