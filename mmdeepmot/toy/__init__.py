"""The generated MOT17-layout toy set and the toy box refiner: examples and
test fixtures, not part of the paper's method. Configs that use the
registered classes import this package (``custom_imports``)."""
from .box_clips import ToyBoxClipDataset
from .box_refiner import ToyBoxRefiner
from .toy_mot import ToyMOTConfig, make_toy_mot

__all__ = ['ToyBoxClipDataset', 'ToyBoxRefiner', 'ToyMOTConfig',
           'make_toy_mot']
