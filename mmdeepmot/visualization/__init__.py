from .assignment_figure import plot_assignment
from .identity_figure import clip_cooccurrence, plot_cooccurrence
from .labelled_frame import draw_labelled_frame
from .track_video import draw_tracks
from .training_curves import (plot_training, read_scalars, read_validation,
                              scalar_files)

__all__ = [
    'clip_cooccurrence', 'draw_labelled_frame', 'draw_tracks',
    'plot_assignment', 'plot_cooccurrence', 'plot_training', 'read_scalars',
    'read_validation', 'scalar_files'
]
