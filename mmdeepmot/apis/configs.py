"""Locate the configs that MMTracking ships inside its package."""
import os.path as osp


def mmtrack_config_path(relpath: str) -> str:
    """Absolute path of an MMTracking config, e.g. ``'mot/tracktor/x.py'``.

    Configs of our own can inherit the same files with
    ``_base_ = ['mmtrack::mot/tracktor/x.py']``.
    """
    import mmtrack
    path = osp.join(osp.dirname(mmtrack.__file__), '.mim', 'configs', relpath)
    if not osp.isfile(path):
        raise FileNotFoundError(f'MMTracking ships no config {relpath!r} '
                                f'(looked for {path})')
    return path
