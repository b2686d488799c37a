"""Box distances: values, shapes, gradients, and rejection of bad boxes."""
import math

import pytest
import torch

from mmdeepmot.structures import (box_iou, centre_distance, check_boxes,
                                  deepmot_distance, image_diagonal,
                                  jaccard_distance)


def test_values():
    a = torch.tensor([[0., 0., 10., 10.]])
    b = torch.tensor([[0., 0., 10., 10.], [5., 0., 15., 10.],
                      [30., 40., 40., 50.]])
    assert box_iou(a, b)[0].tolist() == pytest.approx([1, 50 / 150, 0])
    assert jaccard_distance(a, b)[0, 0] == pytest.approx(0, abs=1e-6)
    diag = image_diagonal(100, 100)
    cd = centre_distance(a, b, diag)[0]
    assert cd[0] == pytest.approx(0, abs=1e-4)
    assert cd[2] == pytest.approx(1 - math.exp(-5 * 50 / diag), abs=1e-6)
    d = deepmot_distance(a, b, diag)
    assert d.shape == (1, 3) and ((d >= 0) & (d <= 1)).all()


def test_batched_shapes_and_empty():
    a, b = torch.rand(4, 3, 4), torch.rand(4, 5, 4)
    a[..., 2:] += a[..., :2]
    b[..., 2:] += b[..., :2]
    assert deepmot_distance(a, b, torch.full((4, ), 2.0)).shape == (4, 3, 5)
    assert deepmot_distance(torch.zeros(0, 4), b[0], 1.0).shape == (0, 5)


def test_gradient_finite_for_identical_boxes():
    a = torch.tensor([[0., 0., 10., 10.]], requires_grad=True)
    b = torch.tensor([[0., 0., 10., 10.], [2., 2., 12., 12.]])
    deepmot_distance(a, b, 100.0).sum().backward()
    assert torch.isfinite(a.grad).all() and a.grad.abs().sum() > 0


def test_bad_boxes_rejected():
    with pytest.raises(ValueError, match='NaN'):
        check_boxes(torch.tensor([[0., float('nan'), 1., 1.]]), 'pred')
    with pytest.raises(ValueError, match='inverted'):
        check_boxes(torch.tensor([[5., 0., 1., 1.]]), 'pred')
    with pytest.raises(ValueError, match='4 coordinates'):
        check_boxes(torch.zeros(2, 3))
    check_boxes(torch.zeros(0, 4))
