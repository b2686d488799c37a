"""mmtrack's ``SiameseRPNHead`` decoding a batch of tracks at once."""
from typing import Dict, List, Tuple

import torch
from mmdet.structures.bbox import bbox_xyxy_to_cxcywh
from mmtrack.models.track_heads import SiameseRPNHead
from mmtrack.registry import MODELS
from torch import Tensor


@MODELS.register_module()
class MultiSiameseRPNHead(SiameseRPNHead):
    """``SiameseRPNHead`` whose decoding and post-processing take the score
    and box maps of many tracks in one call.

    :meth:`predict_tracks` equals ``predict_by_feat`` run on each track
    (same anchors centred on the search region, Hanning window, scale,
    aspect and window penalties, size smoothing), vectorised over tracks;
    its outputs stay differentiable for the DeepMOT loss, and boxes are
    clipped to each track's own image. Arguments are ``SiameseRPNHead``'s.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._priors: Dict[tuple, Tuple[Tensor, Tensor]] = {}

    def priors(self, size: Tuple[int, int],
               device: torch.device) -> Tuple[Tensor, Tensor]:
        """Anchors centred on the search region, and the Hanning window,
        for score maps of ``size`` (h, w), as ``predict_by_feat`` builds
        them."""
        key = (size, str(device))
        if key not in self._priors:
            gen = self.anchor_generator
            anchors = gen.grid_priors([size], device=device)[0].clone()
            stride_w, stride_h = gen.strides[0]
            anchors[:, 0:4:2] -= (size[1] // 2) * stride_w
            anchors[:, 1:4:2] -= (size[0] // 2) * stride_h
            windows = gen.gen_2d_hanning_windows([size], device)[0]
            self._priors[key] = (anchors, windows)
        return self._priors[key]

    def predict_tracks(self, cls_score: Tensor, bbox_pred: Tensor,
                       prev_boxes: Tensor, scale: Tensor,
                       img_shapes: List[Tuple[int, int]]
                       ) -> Tuple[Tensor, Tensor]:
        """Every track's box in its new frame and its score.

        Args:
            cls_score (Tensor): [T, 2 * A, H, W].
            bbox_pred (Tensor): [T, 4 * A, H, W].
            prev_boxes (Tensor): [T, 4] last boxes (cx, cy, w, h).
            scale (Tensor): [T] search-region pixels per image pixel.
            img_shapes (list[tuple]): per track, (h, w) its box is clipped
                to.

        Returns:
            tuple[Tensor]: boxes [T, 4] (cx, cy, w, h) and scores [T].
        """
        num, _, h, w = cls_score.shape
        anchors, windows = self.priors((h, w), cls_score.device)
        # [T, 2 * A, H, W] -> [T, H * W * A, 2], the single-track order
        score = cls_score.view(num, 2, -1, h, w).permute(0, 3, 4, 2, 1)
        score = score.reshape(num, -1, 2).softmax(-1)[..., 1]
        deltas = bbox_pred.view(num, 4, -1, h, w).permute(0, 3, 4, 2, 1)
        deltas = deltas.reshape(num, -1, 4)
        # flat [T * K, 4]: mmdet's batched [T, K, 4] path is its slow ONNX one
        pred = self.bbox_coder.decode(
            anchors.repeat(num, 1), deltas.reshape(-1, 4))
        pred = bbox_xyxy_to_cxcywh(pred).view(num, -1, 4)

        def change_ratio(r: Tensor) -> Tensor:
            return torch.max(r, 1. / r)

        def enlarge(w_: Tensor, h_: Tensor) -> Tensor:
            pad = (w_ + h_) * 0.5
            return torch.sqrt((w_ + pad) * (h_ + pad))

        cfg = self.test_cfg
        prev_w, prev_h = prev_boxes[:, 2], prev_boxes[:, 3]
        scale_penalty = change_ratio(
            enlarge(pred[..., 2], pred[..., 3]) /
            enlarge(prev_w * scale, prev_h * scale)[:, None])
        aspect_penalty = change_ratio(
            (prev_w / prev_h)[:, None] / (pred[..., 2] / pred[..., 3]))
        penalty = torch.exp(-(aspect_penalty * scale_penalty - 1) *
                            cfg.penalty_k)
        ranked = penalty * score * (1 - cfg.window_influence) + \
            windows[None] * cfg.window_influence
        best = ranked.detach().argmax(dim=1)
        rows = torch.arange(num, device=best.device)
        best_box = pred[rows, best] / scale[:, None]
        best_score = score[rows, best]
        lr = penalty[rows, best] * best_score * cfg.lr
        shapes = prev_boxes.new_tensor(img_shapes).view(-1, 2)
        cx = (best_box[:, 0] + prev_boxes[:, 0]).clamp(min=0) \
            .minimum(shapes[:, 1])
        cy = (best_box[:, 1] + prev_boxes[:, 1]).clamp(min=0) \
            .minimum(shapes[:, 0])
        bw = (prev_w * (1 - lr) + best_box[:, 2] * lr).clamp(min=10) \
            .minimum(shapes[:, 1])
        bh = (prev_h * (1 - lr) + best_box[:, 3] * lr).clamp(min=10) \
            .minimum(shapes[:, 0])
        return torch.stack([cx, cy, bw, bh], dim=1), best_score
