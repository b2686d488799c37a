"""numpy 2 shims: the old aliases behave as numpy 1.x did."""
import numpy as np
import pytest
import torch

from mmdeepmot.utils.compat import NUMPY_ALIASES, apply_compat


def test_aliases_present_after_import():
    import mmdeepmot  # noqa: F401
    for name in NUMPY_ALIASES:
        assert hasattr(np, name)
    assert apply_compat() == {}  # idempotent: nothing left to add


def test_asfarray_semantics():
    out = np.asfarray([1, 2, 3])
    assert out.dtype == np.float64
    assert np.asfarray(np.ones(2), dtype=np.float32).dtype == np.float32
    assert np.asfarray([1], dtype=int).dtype == np.float64


def test_motmetrics_iou_matrix_runs():
    import motmetrics as mm
    a = np.array([[0, 0, 10, 10]])
    # motmetrics boxes are (x, y, w, h)
    b = np.array([[0, 0, 10, 10], [1, 1, 10, 10], [100, 100, 1, 1]])
    dist = mm.distances.iou_matrix(a, b, max_iou=0.5)
    assert dist[0, 0] == pytest.approx(0.0)
    assert dist[0, 1] == pytest.approx(1 - 81 / 119)
    assert np.isnan(dist[0, 2])


def test_mmtrack_load_track_annotations_runs():
    from mmtrack.datasets.transforms import LoadTrackAnnotations
    results = dict(instances=[
        dict(bbox=[0, 0, 10, 10], bbox_label=0, instance_id=3,
             ignore_flag=False),
        dict(bbox=[5, 5, 20, 20], bbox_label=0, instance_id=4,
             ignore_flag=True)
    ])
    out = LoadTrackAnnotations(with_instance_id=True)(results)
    assert out['gt_ignore_flags'].tolist() == [False, True]
    assert out['gt_instances_id'].tolist() == [3, 4]


def test_mmengine_loads_full_checkpoints(tmp_path):
    from mmengine.runner.checkpoint import CheckpointLoader

    import mmdeepmot  # noqa: F401
    path = tmp_path / 'ckpt.pth'
    # numpy objects in meta, as mmengine's resume files have
    torch.save(dict(meta=dict(seed=np.int64(3), arr=np.ones(2))), path)
    out = CheckpointLoader.load_checkpoint(str(path), map_location='cpu')
    assert out['meta']['seed'] == 3
