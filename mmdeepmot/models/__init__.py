from .backbones import *  # noqa: F401,F403
from .dhn import *  # noqa: F401,F403
from .losses import *  # noqa: F401,F403
from .matchers import *  # noqa: F401,F403
from .mot import *  # noqa: F401,F403
from .reid import *  # noqa: F401,F403
from .track_heads import *  # noqa: F401,F403
from .trackers import *  # noqa: F401,F403
