from .assignment_metric import (DHNAssignmentMetric, assignment_counts,
                                assignment_scores)
from .soft_clear_mot import SoftClearMOT

__all__ = [
    'DHNAssignmentMetric', 'assignment_counts', 'assignment_scores',
    'SoftClearMOT'
]
