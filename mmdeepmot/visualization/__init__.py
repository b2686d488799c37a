from .assignment_figure import plot_assignment
from .labelled_frame import draw_labelled_frame
from .track_video import draw_tracks
from .training_curves import (plot_training, read_scalars, read_validation,
                              scalar_files)

__all__ = [
    'draw_tracks', 'draw_labelled_frame', 'plot_assignment', 'plot_training',
    'read_scalars', 'read_validation', 'scalar_files'
]
