"""Sinkhorn, Hungarian and frozen-DHN matchers."""
import torch

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
