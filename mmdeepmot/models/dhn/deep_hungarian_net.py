"""The Deep Hungarian Net registered with MMTracking's models."""
import copy
from typing import Optional

from mmengine.model import BaseModule
from mmtrack.registry import MODELS

from deepmot.dhn import DeepHungarianNet as _DeepHungarianNet


@MODELS.register_module()
class DeepHungarianNet(_DeepHungarianNet, BaseModule):
    """``deepmot.dhn.DeepHungarianNet`` as an mmengine ``BaseModule``, so
    that configs build it by name and may give it an ``init_cfg``.

    Args:
        init_cfg (dict, optional): mmengine's initialisation config.
            Defaults to None.
        **kwargs: ``deepmot.dhn.DeepHungarianNet``'s arguments.
    """

    def __init__(self, init_cfg: Optional[dict] = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.init_cfg = copy.deepcopy(init_cfg)
