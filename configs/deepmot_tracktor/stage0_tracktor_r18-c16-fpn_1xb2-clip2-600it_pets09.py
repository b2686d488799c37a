# Stage 0 of the PETS09-S2L1 Tracktor twins: the CPU-size detector of the drawn
# MOT17 trained on half-train-fit of the real sequence (frames 1-299;
# half-train-select stays unseen for choosing) with the detector's losses only,
# nothing frozen, starting from the drawn-MOT17 stage-0 weights (better than
# scratch on half-train-select; docs/real_pixels.md). Both twins start from its
# last checkpoint, shipped as checkpoints/tracktor_detector_pets09.pth
# (tools/publish_model.py).
#   .venv/bin/python tools/train.py \
#       configs/deepmot_tracktor/stage0_tracktor_r18-c16-fpn_1xb2-clip2-600it_pets09.py
_base_ = ['./vanilla_tracktor_r18-c16-fpn_1xb2-clip3-600it_pets09.py']

model = dict(frozen_modules=[])
load_from = 'checkpoints/tracktor_detector_mot17drawn.pth'
# single images teach a detector as well as clips do: 2 clips of 2 frames
train_dataloader = dict(dataset=dict(clip_length=2))

# a CPU budget: 600 iterations (about 20 minutes on one thread)
max_iters = 600
train_cfg = dict(max_iters=max_iters)
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=0.02, momentum=0.9, weight_decay=1e-4))
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0,
         end=100),
    dict(type='MultiStepLR', by_epoch=False, milestones=[450, 550],
         gamma=0.1)
]
default_hooks = dict(
    checkpoint=dict(type='CheckpointHook', by_epoch=False, interval=150,
                    max_keep_ckpts=2))
