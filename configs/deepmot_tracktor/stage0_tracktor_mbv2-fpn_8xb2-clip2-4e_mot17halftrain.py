# Stage 0 of deepmot_tracktor_mbv2-fpn_8xb2-clip3-2e_mot17halftrain.py, for a
# GPU machine: the MobileNetV2-FPN detector trained on MOT17 half-train-fit
# with its own losses (2-frame clips), nothing frozen but what the backbone
# keeps as pretrained; 4 epochs as MMTracking's Tracktor detector on MOT17.
#   python tools/train.py \
#       configs/deepmot_tracktor/stage0_tracktor_mbv2-fpn_8xb2-clip2-4e_mot17halftrain.py
_base_ = ['./deepmot_tracktor_mbv2-fpn_8xb2-clip3-2e_mot17halftrain.py']

model = dict(deepmot_loss=None, frozen_modules=[])
custom_hooks = []
load_from = None
train_dataloader = dict(dataset=dict(clip_length=2))
train_cfg = dict(max_epochs=4)
# tuned for 8 GPUs x 2 clips, as the recipe
optim_wrapper = dict(optimizer=dict(lr=0.02))
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0,
         end=500),
    dict(type='MultiStepLR', by_epoch=True, milestones=[3], gamma=0.1)
]
