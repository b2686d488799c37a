# Stage 0 of the drawn-MOT17 twins: the CPU-size detector from scratch; shipped
# as checkpoints/tracktor_detector_mot17drawn.pth.
_base_ = ['../_base_/tracktor_r18-c16-fpn_cpu.py']

data_root = 'data/MOT17-drawn/'
# single images teach a detector as well as clips do: 2 clips of 2 frames
train_dataloader = dict(dataset=dict(data_root=data_root, clip_length=2))
val_dataloader = dict(dataset=dict(data_root=data_root))
test_dataloader = dict(dataset=dict(data_root=data_root))

model = dict(frozen_modules=[])
max_iters = 3000
train_cfg = dict(max_iters=max_iters)
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=0.02, momentum=0.9, weight_decay=1e-4))
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0,
         end=200),
    dict(type='MultiStepLR', by_epoch=False, milestones=[2200, 2700],
         gamma=0.1)
]
default_hooks = dict(checkpoint=dict(type='CheckpointHook', interval=500))
