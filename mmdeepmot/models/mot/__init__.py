from .box_refiner import ToyBoxRefiner
from .result_replay import MOTResultReplay

__all__ = ['ToyBoxRefiner', 'MOTResultReplay']
