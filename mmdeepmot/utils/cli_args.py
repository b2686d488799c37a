"""Command-line values of the form ``NAME=VALUE``, read the same way by
every tool."""
from typing import Tuple


def split_assignment(text: str,
                     form: str = 'NAME=VALUE',
                     option: str = 'the value') -> Tuple[str, str]:
    """Split ``NAME=VALUE`` at its first ``=``.

    Args:
        text (str): the command-line value.
        form (str): how the value should look, for the error.
            Defaults to ``'NAME=VALUE'``.
        option (str): what the value was given to (``'--grid'``), for the
            error. Defaults to ``'the value'``.

    Returns:
        tuple[str, str]: the name and the value, both non-empty.

    Raises:
        ValueError: when there is no ``=`` or either side is empty; the
            message names the option, the expected form and the text.
    """
    name, sep, value = text.partition('=')
    if not sep or not name or not value:
        raise ValueError(f'{option} expects {form}, got {text!r}')
    return name, value
