from .collate import list_collate
from .dhn_matrices import (DistanceMatrixDataset, hungarian_labels,
                           load_gt_frames, motmetrics_data_file,
                           size_band_dataset)
from .mot_clip_dataset import MOTClipDataset
from .public_detections import MOTDetDataset
from .toy_clips import ToyBoxClipDataset
from .transforms import RandomCropWithIds

__all__ = [
    'DistanceMatrixDataset', 'hungarian_labels', 'load_gt_frames',
    'motmetrics_data_file', 'size_band_dataset', 'ToyBoxClipDataset',
    'list_collate', 'MOTClipDataset', 'MOTDetDataset',
    'RandomCropWithIds'
]
