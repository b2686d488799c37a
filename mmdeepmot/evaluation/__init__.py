from .assignment_metric import (DHNAssignmentMetric, assignment_counts,
                                assignment_scores)

__all__ = ['DHNAssignmentMetric', 'assignment_counts', 'assignment_scores']
