from .assignment_figure import plot_assignment
from .track_video import draw_tracks
from .training_curves import plot_training

__all__ = ['draw_tracks', 'plot_assignment', 'plot_training']
