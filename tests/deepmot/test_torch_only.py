"""The ``deepmot`` core works in an environment that has torch and numpy
and nothing else: no mmcv, mmdet, mmtrack, mmengine or scipy. The
training loop of docs/torch_core.md runs there and improves dMOTP."""
import importlib.metadata as metadata
import os
import os.path as osp
import re
import subprocess
import sys

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
DOC = osp.join(ROOT, 'docs', 'torch_core.md')
FORBIDDEN = ('mmcv', 'mmdet', 'mmtrack', 'mmengine', 'mmdeepmot', 'scipy')

CHECKS = '''
import sys
import deepmot
from deepmot import (DeepMOTLoss, DualSoftmaxMatcher, HungarianMatcher,
                     SinkhornMatcher)
boxes = torch.tensor([[10., 10., 50., 100.], [60., 20., 90., 110.]])
for matcher in (DualSoftmaxMatcher(), SinkhornMatcher(), HungarianMatcher()):
    out = DeepMOTLoss(matcher=matcher)([dict(
        pred_boxes=boxes + 2, pred_ids=[1, 2], gt_boxes=boxes,
        gt_ids=[7, 8], img_shape=(200, 300))])
    assert 0.5 < float(out['dmota']) <= 1.0, (matcher, out)
assert history[-1] > history[0] + 0.01, history
loaded = sorted(m.split('.')[0] for m in sys.modules
                if m.split('.')[0] in FORBIDDEN)
assert not loaded, loaded
assert deepmot.__file__.startswith(CORE), deepmot.__file__
print('torch-only ok')
'''


def _top_levels(dist: metadata.Distribution) -> set:
    """The importable top-level names a distribution installs."""
    text = dist.read_text('top_level.txt')
    if text:
        return set(text.split())
    return {f.parts[0].removesuffix('.py') for f in dist.files or []
            if not f.parts[0].endswith(('.dist-info', '.data'))
            and f.parts[0] != '..'}


def _closure(names) -> set:
    """``names`` and the distributions they require, recursively (extras
    left out)."""
    seen, todo = set(), list(names)
    while todo:
        name = re.split(r'[<>=!~; \[]', todo.pop(), maxsplit=1)[0].lower()
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional or platform-specific requirement
        seen.add(name)
        todo += [r for r in dist.requires or [] if 'extra ==' not in r]
    return seen


def test_core_trains_with_torch_and_numpy_only(tmp_path):
    site = tmp_path / 'site'
    site.mkdir()
    here = osp.dirname(metadata.distribution('torch').locate_file('torch'))
    for name in _closure(['torch', 'numpy']):
        for top in _top_levels(metadata.distribution(name)):
            assert top.split('.')[0] not in FORBIDDEN, (name, top)
            for candidate in (top, top + '.py', top + '.libs'):
                src = osp.join(here, candidate)
                if osp.exists(src) and not (site / candidate).exists():
                    os.symlink(src, site / candidate)
    core = tmp_path / 'core'
    core.mkdir()
    os.symlink(osp.join(ROOT, 'deepmot'), core / 'deepmot')
    with open(DOC) as f:
        example = re.search(r'```python\n(.*?)```', f.read(), re.S).group(1)
    script = (example + f'FORBIDDEN = {FORBIDDEN!r}\n'
              f'CORE = {str(core)!r}\n' + CHECKS)
    # -S -I: no site-packages of this environment, no user site, no
    # PYTHONPATH; only the two folders below
    proc = subprocess.run(
        [sys.executable, '-S', '-I', '-c',
         f'import sys; sys.path[:0] = [{str(core)!r}, {str(site)!r}]\n' +
         script],
        capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert 'torch-only ok' in proc.stdout
    assert 'dMOTP' in proc.stdout
