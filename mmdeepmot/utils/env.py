"""Checks that the running interpreter has the pinned OpenMMLab stack."""
import warnings
from importlib import metadata
from typing import Dict, List, Tuple

SETUP_HINT = ('Run `make setup` (tools/setup_env.sh) in the mmdeepmot '
              'checkout, then use `.venv/bin/python` or '
              '`source .venv/bin/activate`.')

PINNED: Dict[str, str] = {
    'torch': '2.13.0',
    'mmengine': '0.10.7',
    'mmcv': '2.0.0rc4',
    'mmdet': '3.0.0rc5',
    'mmcls': '1.0.0rc5',
    'mmtrack': '1.0.0rc1',
}


class StackError(ImportError):
    """The interpreter lacks the pinned stack; the message says what to run."""


def installed_version(dist: str) -> str:
    """Installed version of a distribution, or '' when it is missing."""
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return ''


def stack_problems() -> Tuple[List[str], List[str]]:
    """Return (fatal, minor) differences from the pinned stack.

    Missing packages and an mmcv without its compiled ops are fatal:
    importing MMTracking's and MMDetection's models breaks. Another release
    of a present package (mmcv's included: mmdet checks its own range) is
    minor: it may work, but it was not tried.
    """
    fatal, minor = [], []
    for dist, want in PINNED.items():
        have = installed_version(dist)
        # a local version label (torch's "+cpu") does not change the release
        if not have:
            fatal.append(f'{dist}=={want} is not installed')
        elif have.split('+')[0] != want:
            minor.append(
                f'{dist}=={want} is required, found {have}')
    if installed_version('mmcv'):
        try:
            from mmcv.ops import nms  # noqa: F401
        except (ImportError, OSError) as err:
            fatal.append('mmcv was installed without its compiled ops '
                         f'(importing mmcv.ops failed: {err})')
    return fatal, minor


def check_stack() -> None:
    """Raise a clear error for a broken stack; warn for untried versions."""
    fatal, minor = stack_problems()
    if fatal:
        raise StackError('mmdeepmot needs the pinned OpenMMLab stack:\n  - ' +
                         '\n  - '.join(fatal + minor) + '\n' + SETUP_HINT)
    if minor:
        warnings.warn('mmdeepmot was tried with another stack: ' +
                      '; '.join(minor) + '. ' + SETUP_HINT)
