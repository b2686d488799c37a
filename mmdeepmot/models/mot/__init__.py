from .box_refiner import ToyBoxRefiner

__all__ = ['ToyBoxRefiner']
