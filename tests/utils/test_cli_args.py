import pytest

from mmdeepmot.utils import split_assignment


def test_split_assignment_splits_at_the_first_equals_sign():
    assert split_assignment('a.b=x=y') == ('a.b', 'x=y')


@pytest.mark.parametrize('bad', ['name', 'name=', '=value', '='])
def test_split_assignment_names_option_form_and_text(bad):
    with pytest.raises(ValueError) as error:
        split_assignment(bad, 'RUN=PATH', '--config')
    assert str(error.value) == f'--config expects RUN=PATH, got {bad!r}'
