from .clip_inputs import clip_frames
from .clip_training import (ClipFrame, ClipStep, ClipTracks, ClipTrainingMixin,
                            TrackStep, Unrolled, jitter_boxes,
                            uncovered_objects)
from .deepmot_siamrpn import DeepMOTSiamRPN
from .deepmot_tracktor import DeepMOTTracktor

__all__ = [
    'DeepMOTTracktor', 'DeepMOTSiamRPN', 'ClipTrainingMixin', 'ClipFrame',
    'ClipStep', 'ClipTracks', 'TrackStep', 'Unrolled', 'clip_frames',
    'jitter_boxes', 'uncovered_objects'
]
