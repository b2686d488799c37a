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
