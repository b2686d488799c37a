"""Loads and freezes the DHN of every DeepMOT loss before training."""
from typing import List, Optional

from mmengine.hooks import Hook
from mmengine.model import is_model_wrapper
from mmtrack.registry import HOOKS

from ...models.losses import DeepMOTLoss
from ...models.matchers import DHNMatcher


def deepmot_losses(model) -> List[DeepMOTLoss]:
    """Every DeepMOTLoss inside ``model`` (unwrapping DDP and friends)."""
    if is_model_wrapper(model):
        model = model.module
    return [m for m in model.modules() if isinstance(m, DeepMOTLoss)]


@HOOKS.register_module()
class DeepMOTHook(Hook):
    """Loads and freezes the DHN of every DeepMOT loss before the run, so
    that a missing or wrong DHN file fails before the first iteration, and
    says which weights it uses.

    The loss's soft figures (``dmota``, ``dmotp``, ``soft_fp``, ...) are
    among the model's outputs, so ``LoggerHook`` logs them; the loss keeps
    no state between iterations, so nothing is reset here.

    Args:
        dhn_checkpoint (str, optional): overrides the DHN weights of every
            ``DHNMatcher``. Defaults to None (each matcher's own).
    """

    priority = 'NORMAL'

    def __init__(self, dhn_checkpoint: Optional[str] = None) -> None:
        self.dhn_checkpoint = dhn_checkpoint

    def before_run(self, runner) -> None:
        for loss in deepmot_losses(runner.model):
            matcher = loss.matcher
            if isinstance(matcher, DHNMatcher):
                if self.dhn_checkpoint is not None:
                    matcher.checkpoint = self.dhn_checkpoint
                    matcher.reload()
                dhn = matcher.dhn  # loads now, frozen, so errors show early
                assert not any(p.requires_grad for p in dhn.parameters())
                runner.logger.info('DeepMOTHook: frozen DHN from '
                                   f'{matcher.checkpoint or "shipped file"}')
