# Stage 0 of the PETS09-S2L1 SiamRPN twins: the CPU-size SiamRPN of the drawn
# MOT17 trained on half-train-fit of the real sequence (frames 1-299) with
# SiamRPN's own loss on (template, search region) pairs of the tracks, nothing
# frozen, starting from the drawn-MOT17 stage-0 weights (chosen on
# half-train-select; docs/real_pixels.md). Both twins start from its last
# checkpoint, shipped as checkpoints/siamrpn_sot_pets09.pth
# (tools/publish_model.py).
#   .venv/bin/python tools/train.py \
#       configs/deepmot_siamrpn/stage0_siamrpn_r18-c16_1xb2-600it_pets09.py
_base_ = [
    './vanilla_siamrpn_r18-c16_1xb2-clip3-300it_pets09.py',
    '../_base_/siamrpn_sot_optim.py'
]

model = dict(frozen_modules=[])
load_from = 'checkpoints/siamrpn_sot_mot17drawn.pth'

# a CPU budget: 600 iterations
max_iters = 600
train_cfg = dict(max_iters=max_iters, val_interval=150)
optim_wrapper = {{_base_.sot_optim_wrapper}}
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0,
         end=100),
    dict(type='MultiStepLR', by_epoch=False, milestones=[420, 540],
         gamma=0.1)
]
default_hooks = dict(
    checkpoint=dict(type='CheckpointHook', by_epoch=False, interval=150,
                    max_keep_ckpts=2))
