# Stage 0 with frames rescaled over 0.5-2x (was 0.8-1.2x): one camera's
# people at the sizes other cameras show them (docs/results.md, cross-camera).
_base_ = ['./stage0_tracktor_mbv2-fpn_1xb2-clip2-600it_pets09.py']

train_pipeline = _base_.train_pipeline
train_pipeline[0]['transforms'][2]['ratio_range'] = (0.5, 2.0)
train_dataloader = dict(dataset=dict(pipeline=train_pipeline))
