from .box_refiner import ToyBoxRefiner
from .clips import clip_frames, jitter_boxes, uncovered_objects
from .deepmot_tracktor import DeepMOTTracktor
from .result_replay import MOTResultReplay

__all__ = [
    'ToyBoxRefiner', 'DeepMOTTracktor', 'MOTResultReplay', 'clip_frames',
    'jitter_boxes', 'uncovered_objects'
]
