# The CPU-size Tracktor (tracktor_r18-c16-fpn_cpu.py) on PETS09-S2L1, a whole
# real MOTChallenge sequence (MOT15, 795 frames of 768x576): half-train-fit
# (frames 1-299) to train, half-train-select (300-398) to choose, half-val
# (399-795) to test with the ACF public detections; the stage-0 detector's
# schedule, which the twins replace with theirs.
#   .venv/bin/python tools/video2mot.py ../shared/data/PETS09-S2L1/vtest.avi \
#       data/PETS09/train/PETS09-S2L1 \
#       --gt ../shared/data/PETS09-S2L1/gt/gt.txt \
#       --det ../shared/data/PETS09-S2L1/det/det.txt \
#       --seqinfo ../shared/data/PETS09-S2L1/seqinfo.ini
#   .venv/bin/python tools/mot2cocovid.py data/PETS09
_base_ = ['./tracktor_r18-c16-fpn_cpu.py']

data_root = 'data/PETS09/'
# single images teach a detector as well as clips do: 2 clips of 2 frames
train_dataloader = dict(dataset=dict(data_root=data_root, clip_length=2))
# one video: the recipe validates on MOT17's FRCNN variants
val_dataloader = dict(
    dataset=dict(data_root=data_root, video_name_contains=None))
test_dataloader = dict(dataset=dict(data_root=data_root))

# test-time rules chosen for the stage-0 weights on half-train-select by HOTA
# (tools/tune_tracker.py): a lost track gets its id back when a newborn box
# overlaps its last box moved on at its velocity (MMTracking's Tracktor
# recovers only through a ReID model), births from 0.3, survival from 0.4,
# NMS between tracks at 0.5 IoU
model = dict(
    frozen_modules=[],
    tracker=dict(
        type='RecoveringTracktorTracker',
        obj_score_thr=0.3,
        regression=dict(obj_score_thr=0.4, nms=dict(iou_threshold=0.5)),
        recovery_iou_thr=0.3,
        recovery_motion_steps=3))

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
default_hooks = dict(checkpoint=dict(type='CheckpointHook', interval=150))
