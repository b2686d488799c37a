# Runtime shared by mmdeepmot configs (logging, checkpoints, environment).
custom_imports = dict(imports=['mmdeepmot'], allow_failed_imports=False)
default_scope = 'mmtrack'

default_hooks = dict(
    timer=dict(type='IterTimerHook'),
    logger=dict(type='LoggerHook', interval=50),
    param_scheduler=dict(type='ParamSchedulerHook'),
    checkpoint=dict(type='CheckpointHook', interval=1, max_keep_ckpts=3),
    sampler_seed=dict(type='DistSamplerSeedHook'),
    # exact resume after a kill, whichever tool trains (ours, MMTracking's,
    # mim): the random states go into every checkpoint and come back, and
    # a validation the kill cut is made up before training goes on
    random_state=dict(type='RandomStateHook'),
    resume_validation=dict(type='ResumeValidationHook'),
)
env_cfg = dict(
    cudnn_benchmark=False,
    mp_cfg=dict(mp_start_method='fork', opencv_num_threads=0),
    dist_cfg=dict(backend='nccl'),
)
vis_backends = [dict(type='LocalVisBackend')]
visualizer = dict(
    type='TrackLocalVisualizer', vis_backends=vis_backends, name='visualizer')
log_processor = dict(type='LogProcessor', window_size=50, by_epoch=False)
log_level = 'INFO'
load_from = None
resume = False
randomness = dict(seed=0)
# mmengine's Runner with checkpoint loading that works under torch 2.13
# (mmengine 0.10.7 predates its weights_only default), named with its scope
# for tools that set none (MMTracking's train.py)
runner_type = 'mmtrack.CompatRunner'
