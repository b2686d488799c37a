"""Faster test runs, same outputs (``speed_up_inference``)."""
from typing import Sequence

from mmengine.hooks import Hook
from mmtrack.registry import HOOKS

from ...models.utils import CHANNELS_LAST_PARTS, speed_up_inference


@HOOKS.register_module()
class InferenceSpeedupHook(Hook):
    """Before a test run (``runner.test()``, after the checkpoint is
    loaded), fold the model's batch norms into its convolutions and run
    its convolutional parts channels-last (``speed_up_inference``).

    It acts on test runs only: validation inside training shares the
    model that goes on training, which folded batch norms would change.
    ``tools/test.py --speed-up`` adds it.

    Args:
        fuse_conv_bn (bool): fold batch norms. Defaults to True.
        channels_last (bool): run ``parts`` channels-last. Defaults to
            True.
        parts (Sequence[str]): submodule names run channels-last.
            Defaults to ``('backbone', 'neck', 'reid')``.
    """

    priority = 'VERY_HIGH'

    def __init__(self, fuse_conv_bn: bool = True, channels_last: bool = True,
                 parts: Sequence[str] = CHANNELS_LAST_PARTS) -> None:
        self.fuse_conv_bn = fuse_conv_bn
        self.channels_last = channels_last
        self.parts = tuple(parts)

    def before_test(self, runner) -> None:
        model = runner.model
        model = getattr(model, 'module', model)  # a wrapped model
        model.eval()
        converted = speed_up_inference(model, self.fuse_conv_bn,
                                       self.channels_last, self.parts)
        runner.logger.info(
            f'InferenceSpeedupHook: batch norms '
            f'{"folded" if self.fuse_conv_bn else "kept"}; channels-last: '
            f'{", ".join(converted) or "none"}')
