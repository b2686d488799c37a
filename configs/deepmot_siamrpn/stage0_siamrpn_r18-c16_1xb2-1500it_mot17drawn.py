# Stage 0 of the drawn-MOT17 twins: the CPU-size SiamRPN from scratch; shipped
# as checkpoints/siamrpn_sot_mot17drawn.pth.
_base_ = [
    '../_base_/siamrpn_r18-c16_cpu.py', '../_base_/siamrpn_sot_optim.py'
]

data_root = 'data/MOT17-drawn/'
train_dataloader = dict(dataset=dict(data_root=data_root))
val_dataloader = dict(dataset=dict(data_root=data_root))
test_dataloader = dict(dataset=dict(data_root=data_root))

model = dict(frozen_modules=[])
max_iters = 1500
train_cfg = dict(max_iters=max_iters)
optim_wrapper = {{_base_.sot_optim_wrapper}}
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0,
         end=100),
    dict(type='MultiStepLR', by_epoch=False, milestones=[1000, 1300],
         gamma=0.1)
]
default_hooks = dict(checkpoint=dict(type='CheckpointHook', interval=500))
