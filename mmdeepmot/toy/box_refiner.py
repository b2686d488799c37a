"""A minimal tracker head trained with the DeepMOT loss: it refines track
boxes by a learned, box-relative correction (used by tests and examples)."""
from typing import Dict, List, Optional, Union

import torch
from mmengine.model import BaseModel
from mmtrack.registry import MODELS
from torch import Tensor, nn


@MODELS.register_module()
class ToyBoxRefiner(BaseModel):
    """``box + MLP(normalised box) * box size``, trained by ``loss``.

    Args:
        loss: config of the DeepMOT loss.
        hidden: width of the MLP.
    """

    def __init__(self,
                 loss: dict,
                 hidden: int = 32,
                 data_preprocessor: Optional[dict] = None,
                 init_cfg: Optional[dict] = None) -> None:
        super().__init__(data_preprocessor=data_preprocessor,
                         init_cfg=init_cfg)
        self.mlp = nn.Sequential(
            nn.Linear(4, hidden), nn.ReLU(), nn.Linear(hidden, 4))
        nn.init.zeros_(self.mlp[2].weight)
        nn.init.zeros_(self.mlp[2].bias)
        self.loss_module = MODELS.build(loss)

    def refine(self, boxes: Tensor, img_shape) -> Tensor:
        """Corrected xyxy boxes."""
        img_h, img_w = img_shape[:2]
        scale = boxes.new_tensor([img_w, img_h, img_w, img_h])
        size = torch.cat([boxes[:, 2:] - boxes[:, :2]] * 2, dim=1)
        delta = self.mlp(boxes / scale) * size
        out = boxes + delta
        # keep x1 <= x2, y1 <= y2 while staying differentiable
        lo = torch.minimum(out[:, :2], out[:, 2:])
        hi = torch.maximum(out[:, :2], out[:, 2:])
        return torch.cat([lo, hi], dim=1)

    def forward(self,
                frames: List[List[dict]],
                mode: str = 'tensor') -> Union[Dict[str, Tensor], list]:
        """``frames``: a batch of clips, each a list of frame dicts and a
        sequence of its own."""
        refined = [[
            dict(f, pred_boxes=self.refine(f['pred_boxes'], f['img_shape']))
            for f in clip
        ] for clip in frames]
        if mode == 'loss':
            losses: Dict[str, Tensor] = {}
            for clip in refined:
                for k, v in self.loss_module(clip).items():
                    losses[k] = losses.get(k, 0) + v / len(refined)
            return losses
        return refined
