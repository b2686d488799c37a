# The toy box refiner trained through the frozen, shipped DHN, as the paper
# trains its trackers (the base config uses the Sinkhorn matcher).
_base_ = ['./deepmot_box-refiner_1xb4-60it_toy.py']

model = dict(
    loss=dict(matcher=dict(_delete_=True, type='DHNMatcher'), delta=0.7))
