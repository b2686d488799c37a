"""The study that tests mmdeepmot's claim: twin runs (DeepMOT loss or
not, all else shared) over seeds, their ledger, schedule grids and
test-time option searches. Not part of the installed plugin."""
from .ledger import Ledger
from .runs import NotFinished, RunContext
from .study import PAIRS, TwinStudy, config_name
from .tables import runs_table, sign_test, spread, twins_table

__all__ = [
    'PAIRS', 'Ledger', 'NotFinished', 'RunContext', 'TwinStudy',
    'config_name', 'runs_table', 'sign_test', 'spread', 'twins_table'
]
