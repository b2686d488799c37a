"""Command-line values of the form ``NAME=VALUE``, read the same way by
every tool."""
import argparse
from typing import Callable, Tuple


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


def assignment_type(form: str,
                    option: str) -> Callable[[str], Tuple[str, str]]:
    """An argparse ``type=`` that reads ``NAME=VALUE`` with
    :func:`split_assignment`, its error an ``ArgumentTypeError`` (argparse
    then names the option and exits with status 2).

    Args:
        form (str): how the value should look (``'RUN=PATH'``).
        option (str): the option (``'--config'``).
    """
    def parse(text: str) -> Tuple[str, str]:
        try:
            return split_assignment(text, form, option)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error))
    return parse
