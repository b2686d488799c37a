"""Tools started in a wrong environment say what to run."""
import os
import os.path as osp
import subprocess
import sys

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
TRAIN = osp.join(ROOT, 'tools', 'train.py')


def _clean_env():
    env = dict(os.environ)
    for key in ('PYTHONPATH', 'VIRTUAL_ENV', 'PYTHONHOME'):
        env.pop(key, None)
    return env


def test_outside_venv_names_the_venv_python():
    # the interpreter the venv was made from, without the venv's packages
    base = getattr(sys, '_base_executable', None) or sys.executable
    proc = subprocess.run([base, '-s', TRAIN, 'configs/x.py'],
                          capture_output=True,
                          text=True,
                          cwd=ROOT,
                          env=_clean_env())
    assert proc.returncode == 2, proc.stderr
    assert 'train.py cannot start' in proc.stderr
    assert osp.join('.venv', 'bin', 'python') in proc.stderr
    assert 'configs/x.py' in proc.stderr


def test_missing_package_says_make_setup():
    code = ('import runpy, sys\n'
            'import mmdeepmot.utils.env as env\n'
            'real = env.installed_version\n'
            'env.installed_version = lambda d: "" if d == "mmtrack" '
            'else real(d)\n'
            'del sys.modules["mmdeepmot"]\n'
            f'sys.argv = [{TRAIN!r}, "configs/x.py"]\n'
            f'sys.path.insert(0, {osp.dirname(TRAIN)!r})\n'
            f'runpy.run_path({TRAIN!r}, run_name="__main__")\n')
    proc = subprocess.run([sys.executable, '-c', code],
                          capture_output=True,
                          text=True,
                          cwd=ROOT)
    assert proc.returncode == 2, proc.stderr
    assert 'mmtrack==1.0.0rc1 is not installed' in proc.stderr
    assert 'make setup' in proc.stderr
