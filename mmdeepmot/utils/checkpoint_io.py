"""Reading checkpoint files with errors that name the file."""
from deepmot.dhn.weights import read_file


def read_checkpoint(path: str, what: str = 'checkpoint') -> object:
    """The contents of a checkpoint file (or URL, as mmengine fetches it).

    Missing, empty, truncated or otherwise unreadable files raise an error
    that names the file (torch's and pickle's own errors do not).

    Args:
        path (str): a file, or a URL mmengine can fetch.
        what (str): what the file should hold, for messages. Defaults to
            'checkpoint'.
    """
    if '://' not in path:
        return read_file(path, what)
    try:
        from .compat import mmengine_load_checkpoint
        return mmengine_load_checkpoint(path, map_location='cpu')
    except Exception as err:
        raise RuntimeError(f'{path}: cannot read the {what} '
                           f'({type(err).__name__}: {err})') from err
