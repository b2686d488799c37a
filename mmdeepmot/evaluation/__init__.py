from .assignment_metric import (DHNAssignmentMetric, assignment_counts,
                                assignment_scores)
from .identity_breaks import identity_breaks
from .miss_breakdown import miss_breakdown
from .mot_challenge_table import MOTChallengeTableMetrics
from .soft_clear_mot import SoftClearMOT

__all__ = [
    'DHNAssignmentMetric', 'assignment_counts', 'assignment_scores',
    'MOTChallengeTableMetrics', 'SoftClearMOT', 'identity_breaks',
    'miss_breakdown'
]
