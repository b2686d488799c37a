# Evaluate MOTChallenge result files made elsewhere (another tracker,
# tools/iou_baseline.py, a peer's submission) through tools/test.py: the
# MOTResultReplay "tracker" returns each frame's rows of results_dir/SEQ.txt
# and MOTChallengeTableMetrics scores them against the split's annotations.
_base_ = ['../_base_/default_runtime.py']
# MOTResultReplay lives apart from the paper's components
custom_imports = dict(
    imports=['mmdeepmot', 'mmdeepmot.baselines'], allow_failed_imports=False)

data_root = 'data/toy-mot17/'
split = 'test'

model = dict(
    type='MOTResultReplay',
    results_dir='work_dirs/iou_baseline',
    data_preprocessor=dict(type='TrackDataPreprocessor'))

test_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='LoadTrackAnnotations', with_instance_id=True),
    dict(type='PackTrackInputs', pack_single_img=True)
]
test_dataloader = dict(
    batch_size=1,
    num_workers=0,
    drop_last=False,
    sampler=dict(type='VideoSampler'),
    dataset=dict(
        type='MOTChallengeDataset',
        data_root=data_root,
        ann_file=f'annotations/{split}_cocoformat.json',
        data_prefix=dict(img_path=split),
        ref_img_sampler=None,
        load_as_video=True,
        test_mode=True,
        pipeline=test_pipeline))
test_evaluator = dict(type='MOTChallengeTableMetrics', benchmark='MOT17')
test_cfg = dict(type='TestLoop')
