# The real-start vanilla twin on PETS09: stage 0 fine-tuned under the small
# network's clips and schedule.
_base_ = ['./stage0_siamrpn_mbv2_1xb2-600it_pets09.py']

load_from = 'checkpoints/siamrpn_sot_pets09_mbv2.pth'
model = dict(
    frozen_modules=['backbone'],
    # best HOTA on half-train-select with the stage-0 weights (births at
    # 40 stay; docs/results.md)
    tracker=dict(death_score_thr=0.9))
train_cfg = _base_.twin_train_cfg
optim_wrapper = _base_.twin_optim_wrapper
param_scheduler = _base_.twin_param_scheduler
default_hooks = dict(checkpoint=dict(interval=75))
