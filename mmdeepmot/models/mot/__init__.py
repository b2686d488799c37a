from .box_refiner import ToyBoxRefiner
from .clips import clip_frames, jitter_boxes, uncovered_objects
from .deepmot_siamrpn import DeepMOTSiamRPN
from .deepmot_tracktor import DeepMOTTracktor
from .result_replay import MOTResultReplay

__all__ = [
    'ToyBoxRefiner', 'DeepMOTTracktor', 'DeepMOTSiamRPN', 'MOTResultReplay',
    'clip_frames', 'jitter_boxes', 'uncovered_objects'
]
