from .box_refiner import ToyBoxRefiner
from .deepmot_tracktor import DeepMOTTracktor, jitter_boxes
from .result_replay import MOTResultReplay

__all__ = ['ToyBoxRefiner', 'DeepMOTTracktor', 'jitter_boxes',
           'MOTResultReplay']
