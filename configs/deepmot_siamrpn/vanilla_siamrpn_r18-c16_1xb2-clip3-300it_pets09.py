# The vanilla twin on PETS09: stage 0 fine-tuned on 3-frame clips with
# SiamRPN's own loss, the backbone frozen.
_base_ = ['./stage0_siamrpn_r18-c16_1xb2-600it_pets09.py']

load_from = 'checkpoints/siamrpn_sot_pets09.pth'
model = dict(frozen_modules=['backbone'])
train_cfg = _base_.twin_train_cfg
optim_wrapper = _base_.twin_optim_wrapper
param_scheduler = _base_.twin_param_scheduler
default_hooks = dict(checkpoint=dict(interval=75))
