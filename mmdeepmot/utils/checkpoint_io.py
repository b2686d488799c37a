"""Reading checkpoint files with errors that name the file."""
import os.path as osp

import torch


def read_checkpoint(path: str, what: str = 'checkpoint') -> object:
    """The contents of a checkpoint file (or URL, as mmengine fetches it).

    Missing, empty, truncated or otherwise unreadable files raise an error
    that names the file (torch's and pickle's own errors do not).

    Args:
        path (str): a file, or a URL mmengine can fetch.
        what (str): what the file should hold, for messages. Defaults to
            'checkpoint'.
    """
    remote = '://' in path
    if not remote:
        if not osp.isfile(path):
            raise FileNotFoundError(f'no {what} file {path}')
        if osp.getsize(path) == 0:
            raise RuntimeError(f'{path}: the {what} file is empty')
    try:
        if remote:
            from mmengine.runner.checkpoint import _load_checkpoint
            return _load_checkpoint(path, map_location='cpu')
        # torch.load directly: mmengine's reader logs every local load
        return torch.load(path, map_location='cpu', weights_only=False)
    except Exception as err:
        raise RuntimeError(f'{path}: cannot read the {what} '
                           f'({type(err).__name__}: {err})') from err
