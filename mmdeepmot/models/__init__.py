from .matchers import *  # noqa: F401,F403
