"""Pretrained weights a config names by URL, where they cannot be had.

The MOT17 recipes start from MMTracking's published weights
(``init_cfg=dict(type='Pretrained', checkpoint='https://...')``). On a
machine that can neither find them in torch's cache nor reach their host,
mmengine would fail at ``init_weights`` with a download error. The runner
refuses first, naming each URL, the cache folder that would serve it and
the option that allows a random start (``allow_random_pretrained=True``,
under which the log names each weight left random)."""
import os
import os.path as osp
import socket
from typing import List, Tuple
from urllib.parse import urlparse

# mmengine's ``torchvision://NAME`` weights come from this host
TORCHVISION_HOST = 'download.pytorch.org'
# the top-level config option that lets unreachable weights start random
ALLOW_RANDOM = 'allow_random_pretrained'


class PretrainedUnreachable(RuntimeError):
    """Published weights a config names cannot be had on this machine."""


def _cache_folder() -> str:
    from torch.hub import get_dir
    return osp.join(get_dir(), 'checkpoints')


def _cached(url: str) -> bool:
    """Whether torch's hub cache (where mmengine downloads to) has it."""
    folder = _cache_folder()
    if url.startswith('torchvision://'):
        name = url[len('torchvision://'):]
        return osp.isdir(folder) and any(
            f.startswith(name + '-') for f in os.listdir(folder))
    return osp.isfile(osp.join(folder, osp.basename(urlparse(url).path)))


def _reachable(host: str, timeout: float) -> bool:
    try:
        socket.create_connection((host, 443), timeout=timeout).close()
        return True
    except OSError:
        return False


def pretrained_urls(node, path: str = 'model') -> List[Tuple[str, dict]]:
    """``(where, init_cfg)`` of every ``Pretrained`` init_cfg in a config
    (sub)tree whose checkpoint is a URL or ``torchvision://``."""
    found = []
    if isinstance(node, dict):
        init = node.get('init_cfg')
        for item in (init if isinstance(init, list) else [init]):
            checkpoint = str(item.get('checkpoint', '')) \
                if isinstance(item, dict) else ''
            # mmdeepmot:// weights come from an installed package, no host
            if (isinstance(item, dict) and item.get('type') == 'Pretrained'
                    and '://' in checkpoint
                    and not checkpoint.startswith('mmdeepmot://')):
                found.append((f'{path}.init_cfg', item))
        for key, value in node.items():
            if key != 'init_cfg':
                found += pretrained_urls(value, f'{path}.{key}')
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += pretrained_urls(value, f'{path}[{i}]')
    return found


def drop_unreachable_pretrained(model_cfg: dict,
                                timeout: float = 3.0,
                                allow_random: bool = False) -> List[str]:
    """Check the URL ``Pretrained`` init_cfgs of ``model_cfg``: where some
    are neither cached nor reachable, raise :class:`PretrainedUnreachable`
    naming them, or with ``allow_random`` remove them (in place) and return
    a message for each, for the runner's log.

    Args:
        model_cfg (dict): the config's ``model``.
        timeout (float): seconds to wait for a host. Defaults to 3.
        allow_random (bool): start those weights from random ones instead
            of refusing. Defaults to False.
    """
    dropped, unreachable = [], []
    hosts = {}
    for where, init in pretrained_urls(model_cfg):
        url = str(init['checkpoint'])
        if _cached(url):
            continue
        host = TORCHVISION_HOST if url.startswith('torchvision://') else \
            urlparse(url).hostname
        if host not in hosts:
            hosts[host] = _reachable(host, timeout)
        if hosts[host]:
            continue
        unreachable.append(init)
        dropped.append(f'{where}: pretrained weights {url} cannot be had '
                       f'(not in {_cache_folder()}, {host} unreachable)')
    if dropped and not allow_random:  # refused: the config stays as it was
        raise PretrainedUnreachable(
            '\n'.join(dropped) + '\nPut the file in that folder, or start '
            f'from random weights with --cfg-options {ALLOW_RANDOM}=True')
    for init in unreachable:
        init['_unreachable'] = True
    _strip(model_cfg)
    return [f'{m}: starting from random weights ({ALLOW_RANDOM}=True)'
            for m in dropped]


def _strip(node) -> None:
    """Drop the marked init_cfgs (a list keeps its other entries)."""
    if isinstance(node, dict):
        init = node.get('init_cfg')
        if isinstance(init, dict) and init.get('_unreachable'):
            node['init_cfg'] = None
        elif isinstance(init, list):
            node['init_cfg'] = [i for i in init if not (
                isinstance(i, dict) and i.get('_unreachable'))] or None
        for key, value in node.items():
            if key != 'init_cfg':
                _strip(value)
    elif isinstance(node, list):
        for value in node:
            _strip(value)
