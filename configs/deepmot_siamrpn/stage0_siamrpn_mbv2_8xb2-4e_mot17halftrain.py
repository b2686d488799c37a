# Stage 0 of deepmot_siamrpn_mbv2_8xb2-clip3-2e_mot17halftrain.py, for a GPU
# machine: SiamRPN on the MobileNetV2 start trained on MOT17 half-train-fit
# with its own loss on (template, search region) pairs of the tracks' 3-frame
# clips, nothing frozen but what the backbone keeps as pretrained; 4 epochs, as
# the Tracktor stage 0 on the same data
# (stage0_tracktor_mbv2-fpn_8xb2-clip2-4e_mot17halftrain.py).
#   python tools/train.py \
#       configs/deepmot_siamrpn/stage0_siamrpn_mbv2_8xb2-4e_mot17halftrain.py
_base_ = [
    './deepmot_siamrpn_mbv2_8xb2-clip3-2e_mot17halftrain.py',
    '../_base_/siamrpn_sot_optim.py'
]

model = dict(deepmot_loss=None, frozen_modules=[])
custom_hooks = []
load_from = None
train_cfg = dict(max_epochs=4)
# tuned for 8 GPUs x 2 clips, as the recipe
optim_wrapper = {{_base_.sot_optim_wrapper}}
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0,
         end=500),
    dict(type='MultiStepLR', by_epoch=True, milestones=[3], gamma=0.1)
]
