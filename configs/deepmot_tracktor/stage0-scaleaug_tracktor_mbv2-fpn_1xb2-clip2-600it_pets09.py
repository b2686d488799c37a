# Stage 0 with frames rescaled over 0.5-2x (was 0.8-1.2x): one camera's
# people at the sizes other cameras show them (docs/results.md, cross-camera).
_base_ = ['./stage0_tracktor_mbv2-fpn_1xb2-clip2-600it_pets09.py']

train_pipeline = [
    dict(
        type='TransformBroadcaster',
        share_random_params=True,
        transforms=[
            dict(type='LoadImageFromFile'),
            dict(type='LoadTrackAnnotations', with_instance_id=True),
            dict(
                type='mmdet.RandomResize',
                scale=_base_.img_scale,
                ratio_range=(0.5, 2.0),
                keep_ratio=True,
                clip_object_border=False),
            dict(type='mmdet.PhotoMetricDistortion'),
            dict(
                type='RandomCropWithIds',
                crop_size=_base_.img_scale,
                allow_negative_crop=True,
                bbox_clip_border=False),
            dict(type='mmdet.RandomFlip', prob=0.5),
        ]),
    dict(type='PackTrackInputs', ref_prefix='ref', num_key_frames=1)
]
train_dataloader = dict(dataset=dict(pipeline=train_pipeline))
