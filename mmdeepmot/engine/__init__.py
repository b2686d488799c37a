from .hooks import *  # noqa: F401,F403
from .runner import CompatRunner  # noqa: F401
