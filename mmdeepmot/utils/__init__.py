from .checkpoint_io import read_checkpoint
from .cli_args import assignment_type, split_assignment
from .compat import checkpoint_loaders, numpy1_aliases
from .config_moves import check_not_moved, former_name, moved_configs
from .env import SETUP_HINT, StackError, check_stack, stack_problems
from .provenance import (kept_result_rows, provenance, write_result_json,
                         write_tracker_rows)

__all__ = [
    'assignment_type', 'check_not_moved', 'check_stack', 'checkpoint_loaders',
    'numpy1_aliases', 'stack_problems', 'StackError', 'SETUP_HINT',
    'former_name', 'kept_result_rows', 'moved_configs', 'provenance',
    'read_checkpoint', 'split_assignment', 'write_result_json',
    'write_tracker_rows'
]
