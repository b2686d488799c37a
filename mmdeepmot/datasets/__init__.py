from .collate import list_collate
from .dhn_matrices import (DistanceMatrixDataset, hungarian_labels,
                           load_gt_frames, motmetrics_data_file,
                           public_detection_matrices, size_band_dataset)
from .mot_clip_dataset import MOTClipDataset
from .mot_det_dataset import MOTDetDataset
from .transforms import RandomCropWithIds

__all__ = [
    'DistanceMatrixDataset', 'hungarian_labels', 'load_gt_frames',
    'motmetrics_data_file', 'public_detection_matrices',
    'size_band_dataset', 'list_collate',
    'MOTClipDataset', 'MOTDetDataset', 'RandomCropWithIds'
]
