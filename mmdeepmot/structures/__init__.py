"""Box distances (from ``deepmot.box_distance``, the torch-only core)."""
from deepmot.box_distance import (box_iou, centre_distance, check_boxes,
                                  deepmot_distance, image_diagonal,
                                  jaccard_distance)

__all__ = [
    'box_iou', 'centre_distance', 'check_boxes', 'deepmot_distance',
    'image_diagonal', 'jaccard_distance'
]
