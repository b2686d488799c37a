from .clip_inputs import clip_frames
from .clip_training import ClipTrainingMixin, jitter_boxes, uncovered_objects
from .deepmot_siamrpn import DeepMOTSiamRPN
from .deepmot_tracktor import DeepMOTTracktor

__all__ = [
    'DeepMOTTracktor', 'DeepMOTSiamRPN', 'ClipTrainingMixin', 'clip_frames',
    'jitter_boxes', 'uncovered_objects'
]
