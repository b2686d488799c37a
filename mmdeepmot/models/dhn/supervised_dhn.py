"""An mmengine model that trains a DeepHungarianNet on labelled matrices."""
from typing import Dict, List, Optional, Union

import torch
from mmengine.model import BaseModel
from mmtrack.registry import MODELS
from torch import Tensor


def weighted_focal_bce(prob: Tensor,
                       label: Tensor,
                       gamma: float = 0.0,
                       pos_share: float = 0.5,
                       eps: float = 1e-7) -> Tensor:
    """Class-weighted (optionally focal) binary cross-entropy.

    Positives (about 1/max(h, w) of the entries) carry ``pos_share`` of the
    loss and negatives the rest, whatever their counts: 0.5 balances the
    classes (best weighted accuracy), a smaller share trades recall for
    precision.
    """
    prob = prob.clamp(eps, 1 - eps)
    pos = label > 0.5
    n_pos = pos.sum().clamp(min=1)
    n_neg = (~pos).sum().clamp(min=1)
    weight = torch.where(pos, pos_share / n_pos, (1 - pos_share) / n_neg)
    p_true = torch.where(pos, prob, 1 - prob)
    loss = -torch.log(p_true)
    if gamma:
        loss = loss * (1 - p_true)**gamma
    return (weight * loss).sum()


@MODELS.register_module()
class SupervisedDHN(BaseModel):
    """A DHN with its supervised loss, as an mmengine model: training
    (``loss``) and validation (``predict``) on Hungarian-labelled matrices.

    Inputs are lists of distance matrices and 0/1 Hungarian labels of
    varying sizes; the DHN pads and masks them in one batched call.
    """

    def __init__(self,
                 dhn: dict,
                 focal_gamma: float = 0.0,
                 pos_share: float = 0.5,
                 data_preprocessor: Optional[dict] = None,
                 init_cfg: Optional[dict] = None) -> None:
        super().__init__(data_preprocessor=data_preprocessor,
                         init_cfg=init_cfg)
        self.dhn = MODELS.build(dhn)
        self.focal_gamma = focal_gamma
        self.pos_share = pos_share

    def forward(self,
                dist: List[Tensor],
                label: Optional[List[Tensor]] = None,
                mode: str = 'tensor'
                ) -> Union[Dict[str, Tensor], List[dict], List[Tensor]]:
        """``loss``: the weighted BCE; ``predict``: soft assignments."""
        prob = self.dhn(list(dist))
        if mode == 'tensor':
            return prob
        if mode == 'loss':
            flat_p = torch.cat([p.reshape(-1) for p in prob])
            flat_l = torch.cat([lab.reshape(-1) for lab in label])
            return dict(loss_dhn=weighted_focal_bce(
                flat_p, flat_l, self.focal_gamma, self.pos_share))
        if mode == 'predict':
            return [
                dict(pred=p.detach().cpu(), label=lab.cpu())
                for p, lab in zip(prob, label)
            ]
        raise ValueError(f'unknown mode {mode!r}')
