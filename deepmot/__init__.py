"""DeepMOT's differentiable tracking losses with torch alone.

The distance, the matchers (the Deep Hungarian Net with its shipped
weights, Sinkhorn, dual softmax, Hungarian) and the DeepMOT loss
(dMOTA and dMOTP), and differentiable IDF1 and HOTA
(:mod:`deepmot.identity`) for any PyTorch tracker; ``mmdeepmot`` registers them
with MMTracking. Nothing here imports an OpenMMLab package.
"""
from .box_distance import (box_iou, centre_distance, check_boxes,
                           deepmot_distance, image_diagonal, jaccard_distance)
from .dhn import DEFAULT_DHN, DeepHungarianNet, load_dhn
from .identity import (HOTA_ALPHAS, IdentityCounts, accumulate_matches,
                       hota_pairs, soft_hota, soft_idf1)
from .loss import DeepMOTLoss, frame_distance, iou_gate
from .matchers import (MATCHERS, DHNMatcher, DualSoftmaxMatcher,
                       HungarianMatcher, SinkhornMatcher, build_matcher)
from .soft_counts import FrameCounts, soft_frame_counts

__all__ = [
    'DEFAULT_DHN', 'HOTA_ALPHAS', 'MATCHERS', 'DHNMatcher',
    'DeepHungarianNet', 'DeepMOTLoss', 'DualSoftmaxMatcher', 'FrameCounts',
    'HungarianMatcher', 'IdentityCounts', 'SinkhornMatcher',
    'accumulate_matches', 'box_iou', 'build_matcher', 'centre_distance',
    'check_boxes', 'deepmot_distance', 'frame_distance', 'hota_pairs',
    'image_diagonal', 'iou_gate', 'jaccard_distance', 'load_dhn',
    'soft_frame_counts', 'soft_hota', 'soft_idf1'
]
