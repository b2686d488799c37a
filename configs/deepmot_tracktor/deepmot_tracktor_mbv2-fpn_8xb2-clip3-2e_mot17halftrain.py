# DeepMOT-Tracktor on MOT17 from the MobileNetV2 start (GPU): the R50 recipe's
# schedule and loss on the network of its stage 0.
_base_ = [
    './stage0_tracktor_mbv2-fpn_8xb2-clip2-4e_mot17halftrain.py',
    '../_base_/deepmot_loss.py'
]

load_from = 'work_dirs/stage0_tracktor_mbv2-fpn_8xb2-clip2-4e_mot17halftrain/epoch_4.pth'
model = dict(
    deepmot_loss=dict(_base_.deepmot_loss, _delete_=True),
    frozen_modules=['detector.backbone', 'detector.neck',
                    'detector.rpn_head', 'reid'])
custom_hooks = [{{_base_.deepmot_hook}}]
train_dataloader = dict(dataset=dict(clip_length=3))
# the R50 recipe's schedule
train_cfg = dict(max_epochs=2)
optim_wrapper = dict(optimizer=dict(lr=0.002))
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0,
         end=200),
    dict(type='MultiStepLR', by_epoch=True, milestones=[1], gamma=0.1)
]
