# The real-start vanilla twin on 8-frame clips (one a step), long enough for a
# switch to last: the identity-term study's vanilla twin.
_base_ = ['./stage0_siamrpn_mbv2_1xb2-600it_pets09.py']

load_from = 'checkpoints/siamrpn_sot_pets09_mbv2.pth'
model = dict(frozen_modules=['backbone'], tracker=dict(death_score_thr=0.9))
train_dataloader = dict(batch_size=1, dataset=dict(clip_length=8))
train_cfg = _base_.twin_train_cfg
optim_wrapper = _base_.twin_optim_wrapper
param_scheduler = _base_.twin_param_scheduler
default_hooks = dict(checkpoint=dict(interval=75))
