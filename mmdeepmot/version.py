"""Version of mmdeepmot."""
__version__ = '0.1.0'
