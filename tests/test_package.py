"""The package imports cleanly and registers into MMTracking's registries."""
import subprocess
import sys

from mmtrack.registry import MODELS


def test_import_registers_components():
    import mmdeepmot
    assert mmdeepmot.__version__
    assert MODELS.get('DeepHungarianNet') is not None


def test_import_prints_no_warning():
    # a fresh interpreter, so that nothing is cached from other tests
    proc = subprocess.run(
        [sys.executable, '-c', 'import mmdeepmot'],
        capture_output=True,
        text=True,
        check=True)
    assert proc.stdout == ''
    assert 'warn' not in proc.stderr.lower(), proc.stderr
    assert proc.stderr == ''


def _imports(path):
    import ast
    tree = ast.parse(open(path).read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield '.' * node.level + (node.module or '')


def test_no_layer_below_apis_imports_it():
    import glob
    import os.path as osp

    import mmdeepmot
    root = osp.dirname(mmdeepmot.__file__)
    offenders = []
    for layer in ('models', 'datasets', 'evaluation', 'structures',
                  'engine'):
        files = glob.glob(osp.join(root, layer, '**', '*.py'),
                          recursive=True)
        assert files, layer
        for path in files:
            for name in _imports(path):
                if 'apis' in name.split('.'):
                    offenders.append(f'{osp.relpath(path, root)}: {name}')
    assert offenders == []


def test_toy_and_baselines_register_only_when_imported():
    code = ('import mmdeepmot\n'
            'from mmtrack.registry import DATASETS, MODELS\n'
            'assert MODELS.get("DeepMOTSiamRPN") is not None\n'
            'assert MODELS.get("ToyBoxRefiner") is None\n'
            'assert MODELS.get("MOTResultReplay") is None\n'
            'assert DATASETS.get("ToyBoxClipDataset") is None\n'
            'import mmdeepmot.toy, mmdeepmot.baselines\n'
            'assert MODELS.get("ToyBoxRefiner") is not None\n'
            'assert MODELS.get("MOTResultReplay") is not None\n'
            'assert DATASETS.get("ToyBoxClipDataset") is not None\n')
    subprocess.run([sys.executable, '-c', code], check=True)


def test_the_core_imports_nothing_of_openmmlab():
    """deepmot/ (the torch-only core) names no OpenMMLab package, nor
    mmdeepmot, nor scipy outside a guarded import (the runtime check is
    tests/deepmot/test_torch_only.py)."""
    import glob
    import os.path as osp

    import deepmot
    root = osp.dirname(deepmot.__file__)
    banned = ('mmcv', 'mmdet', 'mmtrack', 'mmengine', 'mmcls', 'mmdeepmot')
    for path in glob.glob(osp.join(root, '**', '*.py'), recursive=True):
        for name in _imports(path):
            assert name.split('.')[0] not in banned, (path, name)
