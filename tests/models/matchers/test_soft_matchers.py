"""Sinkhorn, dual-softmax, Hungarian and frozen-DHN matchers."""
import pytest
import torch

from deepmot.matchers import build_matcher
from mmdeepmot.models.matchers import (DHNMatcher, HungarianMatcher,
                                       SinkhornMatcher, sinkhorn_assign)


def test_sinkhorn_matches_cheap_pairs_only():
    dist = torch.tensor([[0.1, 0.9, 0.9], [0.9, 0.05, 0.9], [0.9, 0.9, 0.8]])
    a = sinkhorn_assign(dist, max_cost=0.5, epsilon=0.02)
    assert a[0, 0] > 0.95 and a[1, 1] > 0.95
    assert a[2].sum() < 0.05  # cheaper to leave row 2 unmatched
    assert ((a >= 0) & (a <= 1)).all()
    assert (a.sum(0) <= 1 + 1e-4).all() and (a.sum(1) <= 1 + 1e-4).all()


def test_sinkhorn_empty_and_gradient():
    assert SinkhornMatcher()([torch.zeros(0, 3)])[0].shape == (0, 3)
    dist = torch.rand(4, 5, requires_grad=True)
    sinkhorn_assign(dist).sum().backward()
    assert torch.isfinite(dist.grad).all()


def test_hungarian_matcher_threshold():
    dist = torch.tensor([[0.1, 0.9], [0.9, 0.7]])
    assert HungarianMatcher()([dist])[0].tolist() == [[1, 0], [0, 1]]
    assert HungarianMatcher(max_cost=0.5)([dist])[0].tolist() == [[1, 0],
                                                                  [0, 0]]


def test_dhn_matcher_is_frozen_and_outside_state_dict(tiny_dhn_checkpoint):
    matcher = DHNMatcher(tiny_dhn_checkpoint)
    assert matcher.state_dict() == {}
    assert list(matcher.parameters()) == []
    dist = torch.rand(3, 4, requires_grad=True)
    out = matcher([dist, torch.rand(2, 2)])
    assert out[0].shape == (3, 4) and out[1].shape == (2, 2)
    out[0].sum().backward()
    assert dist.grad is not None
    assert matcher.state_dict() == {}  # still, once the DHN is loaded
    assert not any(p.requires_grad for p in matcher.dhn.parameters())


def test_split_blocks_finds_connected_pairs():
    import numpy as np

    from deepmot.matchers import split_blocks
    close = np.array([[1, 0, 0, 0],
                      [1, 1, 0, 0],
                      [0, 0, 0, 1],
                      [0, 0, 0, 0]], bool)
    blocks = sorted((r.tolist(), c.tolist()) for r, c in split_blocks(close))
    assert blocks == [([0, 1], [0, 1]), ([2], [3])]
    assert split_blocks(np.zeros((2, 3), bool)) == []


def test_dhn_matcher_blockwise_equals_dhn_per_block(tiny_dhn_checkpoint):
    torch.manual_seed(0)
    whole = DHNMatcher(tiny_dhn_checkpoint)
    split = DHNMatcher(tiny_dhn_checkpoint, split_above=0.8)
    a, b = torch.rand(2, 3) * 0.5, torch.rand(1, 2) * 0.5
    dist = torch.ones(3, 5)
    dist[:2, :3] = a
    dist[2, 3:] = b
    dist.requires_grad_(True)
    out = split([dist])[0]
    ref_a, ref_b = whole([a, b])
    assert torch.allclose(out[:2, :3], ref_a, atol=1e-6)
    assert torch.allclose(out[2:, 3:], ref_b, atol=1e-6)
    assert out[:2, 3:].abs().sum() == 0 and out[2, :3].abs().sum() == 0
    out.sum().backward()
    assert dist.grad[:2, :3].abs().sum() > 0
    # one block holding everything: the same as the whole matrix
    full = torch.rand(4, 4) * 0.5
    assert torch.allclose(split([full])[0], whole([full])[0], atol=1e-6)
    # nothing close: nothing matched, shapes kept
    assert split([torch.ones(2, 3)])[0].abs().sum() == 0
    assert split([torch.ones(0, 3)])[0].shape == (0, 3)


def test_sinkhorn_batch_equals_one_by_one():
    from deepmot.matchers import sinkhorn_assign_batch
    torch.manual_seed(0)
    dists = [torch.rand(h, w) for h, w in [(3, 5), (0, 4), (7, 2), (1, 1),
                                           (12, 9)]]
    for d in dists:
        d.requires_grad_(True)
    batch = sinkhorn_assign_batch(dists, 0.6, 0.05, 40)
    for d, b in zip(dists, batch):
        assert b.shape == d.shape
        if d.numel():
            one = sinkhorn_assign_batch([d], 0.6, 0.05, 40)[0]
            assert torch.allclose(b, one, atol=1e-5)
    sum(b.sum() for b in batch).backward()
    for d in dists[2:]:
        assert d.grad is not None and torch.isfinite(d.grad).all()
    assert torch.isfinite(dists[0].grad).all()


def test_dual_softmax_prefers_close_pairs_and_leaves_far_ones():
    from deepmot.matchers import dual_softmax_assign
    dist = torch.tensor([[0.05, 0.9], [0.9, 0.1], [0.95, 0.95]],
                        requires_grad=True)
    assign = dual_softmax_assign(dist)
    assert assign.shape == (3, 2)
    assert assign[0, 0] > 0.9 and assign[1, 1] > 0.8
    assert assign[2].max() < 0.01  # a row far from everything: unmatched
    assert ((assign >= 0) & (assign <= 1)).all()
    assign.sum().backward()
    assert dist.grad[0, 0] < 0  # a closer pair matches more
    empty = dual_softmax_assign(torch.zeros(0, 3))
    assert empty.shape == (0, 3)
    # the registered matcher, by config (the one matcher registry)
    matcher = build_matcher(dict(type='DualSoftmaxMatcher'))
    out = matcher([dist.detach(), torch.zeros(2, 0)])
    assert torch.allclose(out[0], assign.detach()) and out[1].shape == (2, 0)


def test_numpy_hungarian_finds_scipy_s_optimum():
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    from deepmot.matchers.hungarian import hungarian_potentials
    rng = np.random.default_rng(0)
    for trial in range(200):
        h, w = rng.integers(0, 8, size=2)
        cost = rng.random((h, w)) if trial % 2 else \
            rng.integers(0, 3, (h, w)).astype(float)  # ties
        rows, cols = hungarian_potentials(cost)
        want_rows, want_cols = linear_sum_assignment(cost)
        assert len(rows) == len(want_rows) == min(h, w)
        assert len(set(rows)) == len(rows) and len(set(cols)) == len(cols)
        assert cost[rows, cols].sum() == pytest.approx(
            cost[want_rows, want_cols].sum())


def test_one_class_and_one_registry_per_name():
    from mmtrack.registry import MODELS

    import deepmot
    from deepmot.matchers import MATCHERS, register_matcher
    from mmdeepmot.apis import load_dhn
    from mmdeepmot.models.dhn import DeepHungarianNet
    from mmdeepmot.models.losses import DeepMOTLoss

    # the OpenMMLab names are the core classes, not subclasses of them
    assert DeepMOTLoss is deepmot.DeepMOTLoss
    assert MODELS.get('DeepMOTLoss') is deepmot.DeepMOTLoss
    assert DHNMatcher is deepmot.DHNMatcher is MATCHERS['DHNMatcher']
    assert DeepHungarianNet is deepmot.dhn.DeepHungarianNet
    assert load_dhn is deepmot.dhn.load_dhn
    # matchers live in one registry, which the loss builds configs from
    assert MODELS.get('SinkhornMatcher') is None

    class NearestMatcher(torch.nn.Module):
        def forward(self, dists):
            return [(d == d.min()).float() for d in dists]

    register_matcher(NearestMatcher)
    try:
        loss = DeepMOTLoss(matcher=dict(type='NearestMatcher'))
        assert isinstance(loss.matcher, NearestMatcher)
        with pytest.raises(KeyError, match='taken'):
            register_matcher(type('NearestMatcher', (torch.nn.Module, ), {}))
    finally:
        MATCHERS.pop('NearestMatcher')
