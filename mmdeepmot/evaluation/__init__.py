from .assignment_metric import (DHNAssignmentMetric, assignment_counts,
                                assignment_scores)
from .miss_breakdown import miss_breakdown
from .mot_challenge_table import MOTChallengeTableMetrics
from .soft_clear_mot import SoftClearMOT

__all__ = [
    'DHNAssignmentMetric', 'assignment_counts', 'assignment_scores',
    'MOTChallengeTableMetrics', 'SoftClearMOT', 'miss_breakdown'
]
