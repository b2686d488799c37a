import argparse

import pytest

from mmdeepmot.utils import assignment_type, split_assignment


def test_split_assignment_splits_at_the_first_equals_sign():
    assert split_assignment('a.b=x=y') == ('a.b', 'x=y')


@pytest.mark.parametrize('bad', ['name', 'name=', '=value', '='])
def test_split_assignment_names_option_form_and_text(bad):
    with pytest.raises(ValueError) as error:
        split_assignment(bad, 'RUN=PATH', '--config')
    assert str(error.value) == f'--config expects RUN=PATH, got {bad!r}'


def test_assignment_type_is_an_argparse_type():
    parse = assignment_type('RUN=PATH', '--config')
    assert parse('a=b.py') == ('a', 'b.py')
    with pytest.raises(argparse.ArgumentTypeError,
                       match="--config expects RUN=PATH, got 'a'"):
        parse('a')
