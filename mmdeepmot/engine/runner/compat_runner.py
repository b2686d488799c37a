"""mmengine's Runner with the pinned stack's checkpoint fixes in scope."""
from typing import Any

from mmengine.runner import Runner
from mmtrack.registry import RUNNERS

from ...utils.compat import checkpoint_loaders


@RUNNERS.register_module()
class CompatRunner(Runner):
    """mmengine's ``Runner`` whose checkpoint reads (``load_from``, resume,
    ``Pretrained`` init_cfgs, ``mmdeepmot://`` weights) go through
    :func:`mmdeepmot.utils.compat.checkpoint_loaders`, so that mmengine's
    own resume files load under torch 2.13 without a global override.

    The configs name it as ``runner_type``, which MMTracking's and our
    ``tools/train.py`` honour; it behaves as mmengine's Runner otherwise.
    """

    def train(self) -> Any:
        with checkpoint_loaders():
            return super().train()

    def val(self) -> dict:
        with checkpoint_loaders():
            return super().val()

    def test(self) -> dict:
        with checkpoint_loaders():
            return super().test()

    def load_checkpoint(self, *args, **kwargs) -> dict:
        with checkpoint_loaders():
            return super().load_checkpoint(*args, **kwargs)

    def resume(self, *args, **kwargs) -> None:
        with checkpoint_loaders():
            return super().resume(*args, **kwargs)
