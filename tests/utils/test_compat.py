"""The pinned stack's fixes, each inside its block only: importing
mmdeepmot changes nothing in numpy, torch or mmengine."""
import os.path as osp
import pickle
import subprocess
import sys

import numpy as np
import pytest
import torch

from mmdeepmot.utils.compat import (NUMPY_ALIASES, checkpoint_loaders,
                                    cpu_set_device, load_local_checkpoint,
                                    numpy1_aliases)

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))

# what the subprocess compares: every attribute of these objects (by
# identity) and mmengine's checkpoint schemes, with OpenMMLab imported
# first so that only mmdeepmot's own effects show
_COMPARE = '''
import numpy, torch, torch.cuda, mmengine, mmengine.runner
import mmengine.runner.checkpoint as ckpt, mmcv, mmdet, mmtrack
import mmdet.models, mmtrack.models, mmtrack.datasets, mmtrack.evaluation
objs = [('numpy', numpy), ('torch', torch), ('torch.cuda', torch.cuda),
        ('mmengine', mmengine), ('mmengine.runner', mmengine.runner),
        ('mmengine.runner.checkpoint', ckpt),
        ('CheckpointLoader', ckpt.CheckpointLoader)]
def state():
    s = {f'{n}.{k}': id(v) for n, o in objs for k, v in vars(o).items()}
    s.update({f'scheme {p!r}': id(f)
              for p, f in ckpt.CheckpointLoader._schemes.items()})
    return s
before = state()
import mmdeepmot
after = state()
changed = sorted(k for k in before.keys() | after.keys()
                 if before.get(k) != after.get(k))
print('CHANGED', changed)
'''


def test_import_changes_nothing_in_numpy_torch_mmengine():
    proc = subprocess.run([sys.executable, '-c', _COMPARE],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert 'CHANGED []' in proc.stdout, proc.stdout[-2000:]


def test_numpy1_aliases_inside_the_block_only():
    with numpy1_aliases() as added:
        assert set(added) == {n for n in NUMPY_ALIASES}
        assert np.asfarray([1, 2, 3]).dtype == np.float64
        assert np.asfarray(np.ones(2), dtype=np.float32).dtype == np.float32
        assert np.asfarray([1], dtype=int).dtype == np.float64
    assert not any(name in vars(np) for name in NUMPY_ALIASES)


def test_motmetrics_iou_matrix_runs_under_the_aliases():
    import motmetrics as mm
    a = np.array([[0, 0, 10, 10]])
    # motmetrics boxes are (x, y, w, h)
    b = np.array([[0, 0, 10, 10], [1, 1, 10, 10], [100, 100, 1, 1]])
    with numpy1_aliases():
        dist = mm.distances.iou_matrix(a, b, max_iou=0.5)
    assert dist[0, 0] == pytest.approx(0.0)
    assert dist[0, 1] == pytest.approx(1 - 81 / 119)
    assert np.isnan(dist[0, 2])


def test_mmtrack_load_track_annotations_runs_without_aliases():
    # numpy 2 has np.bool again, which MMTracking's loader uses
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


def test_checkpoints_load_per_file_inside_the_block(tmp_path):
    from mmengine.runner.checkpoint import CheckpointLoader
    full = tmp_path / 'resume.pth'
    # numpy objects in meta, as mmengine's resume files have
    torch.save(dict(meta=dict(seed=np.int64(3), arr=np.ones(2))), full)
    plain = tmp_path / 'weights.pth'
    torch.save(dict(state_dict=dict(w=torch.ones(2))), plain)
    schemes = CheckpointLoader._schemes
    with checkpoint_loaders():
        out = CheckpointLoader.load_checkpoint(str(full), map_location='cpu')
        assert out['meta']['seed'] == 3
        out = CheckpointLoader.load_checkpoint(str(plain))
        assert torch.equal(out['state_dict']['w'], torch.ones(2))
        # the package weights' scheme resolves here only
        assert CheckpointLoader._get_checkpoint_loader(
            'mmdeepmot://mobilenet_v2/person').__name__ == 'load_from_package'
    assert CheckpointLoader._schemes is schemes
    # outside the block, mmengine's own loader: torch's weights_only default
    with pytest.raises(pickle.UnpicklingError):
        CheckpointLoader.load_checkpoint(str(full), map_location='cpu')
    assert load_local_checkpoint(str(plain))['state_dict']['w'].sum() == 2
    with pytest.raises(FileNotFoundError, match='nothing.pth'):
        load_local_checkpoint(str(tmp_path / 'nothing.pth'))


def test_cpu_set_device_inside_the_block_only():
    real = torch.cuda.set_device
    with cpu_set_device():
        torch.cuda.set_device(0)  # no CUDA here: nothing to set, no error
    assert torch.cuda.set_device is real
