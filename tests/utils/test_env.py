"""The stack check passes here and explains a wrong mmcv."""
import pytest

from mmdeepmot.utils import env


def test_pinned_stack_is_installed():
    assert env.stack_problems() == ([], [])
    env.check_stack()


def test_wrong_mmcv_is_fatal_with_advice(monkeypatch):
    real = env.installed_version
    monkeypatch.setattr(
        env, 'installed_version', lambda d: '2.1.0'
        if d == 'mmcv' else real(d))
    with pytest.raises(env.StackError, match='make setup') as info:
        env.check_stack()
    assert 'mmcv==2.0.0rc4 is required, found 2.1.0' in str(info.value)


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
