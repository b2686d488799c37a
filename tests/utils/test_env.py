"""The stack check passes here, refuses what would break and warns on
untried versions."""
import pytest

from mmdeepmot.utils import env


def test_pinned_stack_is_installed():
    assert env.stack_problems() == ([], [])
    env.check_stack()


def test_other_mmcv_only_warns_with_advice(monkeypatch):
    real = env.installed_version
    monkeypatch.setattr(
        env, 'installed_version', lambda d: '2.0.1'
        if d == 'mmcv' else real(d))
    with pytest.warns(UserWarning, match='make setup') as info:
        env.check_stack()
    assert 'mmcv==2.0.0rc4 is required, found 2.0.1' in str(info[0].message)


def test_mmcv_without_ops_is_fatal(monkeypatch):
    import builtins
    real_import = builtins.__import__

    def no_ops(name, *args, **kwargs):
        if name == 'mmcv.ops':
            raise ImportError('libmmcv_ext.so: cannot open')
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, '__import__', no_ops)
    with pytest.raises(env.StackError, match='without its compiled ops'):
        env.check_stack()


def test_missing_package_is_fatal(monkeypatch):
    real = env.installed_version
    monkeypatch.setattr(env, 'installed_version',
                        lambda d: '' if d == 'mmtrack' else real(d))
    with pytest.raises(env.StackError, match='mmtrack==1.0.0rc1 is not'):
        env.check_stack()


def test_other_version_only_warns(monkeypatch):
    real = env.installed_version
    monkeypatch.setattr(env, 'installed_version',
                        lambda d: '0.10.6' if d == 'mmengine' else real(d))
    with pytest.warns(UserWarning, match='mmengine==0.10.7'):
        env.check_stack()
