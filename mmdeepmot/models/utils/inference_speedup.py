"""Faster inference on CPUs with the same outputs: batch norms folded into
the convolutions before them, and convolutional parts run channels-last."""
from typing import Iterable, List, Tuple

import torch
from mmcv.cnn import fuse_conv_bn as _fuse_conv_bn
from torch import nn

# the parts of MMTracking's models made only of convolutions (detector and
# Siamese backbones and necks, ReID models); heads stay as they are, since
# mmcv's RoI ops read their input's memory as NCHW
CHANNELS_LAST_PARTS = ('backbone', 'neck', 'reid')


def _map_tensors(value, fn):
    """``fn`` on every 4-d tensor in ``value`` (nested tuples and lists
    kept as they are)."""
    if isinstance(value, torch.Tensor):
        return fn(value) if value.dim() == 4 else value
    if isinstance(value, (tuple, list)):
        return type(value)(_map_tensors(v, fn) for v in value)
    return value


def _to_channels_last(module: nn.Module, args: Tuple) -> Tuple:
    """Forward pre-hook: 4-d tensor inputs channels-last."""
    return _map_tensors(
        args, lambda t: t.contiguous(memory_format=torch.channels_last))


def _to_contiguous(module: nn.Module, args: Tuple, output):
    """Forward hook: the part's tensor outputs back in the default (NCHW)
    layout, the one every module after it was written for."""
    return _map_tensors(output, lambda t: t.contiguous())


def run_channels_last(part: nn.Module) -> nn.Module:
    """Make ``part`` run channels-last (weights and 4-d inputs), its tensor
    outputs returned in the default layout; ``part`` is changed in place
    and returned."""
    part.to(memory_format=torch.channels_last)
    part.register_forward_pre_hook(_to_channels_last)
    part.register_forward_hook(_to_contiguous)
    return part


def channels_last_parts(model: nn.Module,
                        names: Iterable[str] = CHANNELS_LAST_PARTS
                        ) -> List[str]:
    """Dotted names of the outermost submodules of ``model`` whose own name
    (the last component) is one of ``names``."""
    names = set(names)
    found: List[str] = []
    for dotted, _ in model.named_modules():
        if not dotted or dotted.split('.')[-1] not in names:
            continue
        if any(dotted.startswith(f'{outer}.') for outer in found):
            continue
        found.append(dotted)
    return found


def speed_up_inference(model: nn.Module,
                       fuse_conv_bn: bool = True,
                       channels_last: bool = True,
                       parts: Iterable[str] = CHANNELS_LAST_PARTS
                       ) -> List[str]:
    """Make ``model`` faster at inference without changing what it
    computes (up to float rounding): for a test run, never for training.

    Folding a batch norm into the convolution before it removes one pass
    over every feature map; channels-last convolutions are what oneDNN runs
    fastest on CPUs (MobileNetV2's depthwise ones about twice as fast).
    Only the named parts turn channels-last, and their outputs come back
    in the default layout: mmcv's CPU RoI ops read their input's memory as
    NCHW and would read channels-last features wrongly without a word.

    Args:
        model (nn.Module): a model in eval mode; changed in place.
        fuse_conv_bn (bool): fold batch norms into convolutions (mmcv's
            ``fuse_conv_bn``). Defaults to True.
        channels_last (bool): run ``parts`` channels-last. Defaults to
            True.
        parts (Iterable[str]): names of the submodules to run
            channels-last (any depth, outermost match). Defaults to
            ``('backbone', 'neck', 'reid')``.

    Returns:
        list[str]: the dotted names of the parts made channels-last.
    """
    if model.training:
        raise RuntimeError(
            'speed_up_inference folds batch norms: call it on a model in '
            'eval mode, for inference only')
    if fuse_conv_bn:
        _fuse_conv_bn(model)
    if not channels_last:
        return []
    converted = channels_last_parts(model, parts)
    for dotted in converted:
        run_channels_last(model.get_submodule(dotted))
    return converted
