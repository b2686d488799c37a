"""Reading checkpoint files with errors that name the file."""
from deepmot.dhn.weights import read_file


def read_checkpoint(path: str, what: str = 'checkpoint') -> dict:
    """The contents of a checkpoint file (or URL, as mmengine fetches it).

    Missing, empty, truncated or otherwise unreadable files, and files that
    hold something other than a dict, raise an error that names the file
    (torch's and pickle's own errors do not).

    Args:
        path (str): a file, or a URL mmengine can fetch.
        what (str): what the file should hold, for messages. Defaults to
            'checkpoint'.
    """
    if '://' not in path:
        ckpt = read_file(path, what)
    else:
        try:
            from .compat import mmengine_load_checkpoint
            ckpt = mmengine_load_checkpoint(path, map_location='cpu')
        except Exception as err:
            raise RuntimeError(f'{path}: cannot read the {what} '
                               f'({type(err).__name__}: {err})') from err
    if not isinstance(ckpt, dict):
        raise RuntimeError(f'{path}: not a {what} (holds a '
                           f'{type(ckpt).__name__}, not a dict)')
    return ckpt
