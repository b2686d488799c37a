from .dhn_matrices import (DistanceMatrixDataset, hungarian_labels,
                           load_gt_frames, motmetrics_data_file,
                           size_band_dataset)

__all__ = [
    'DistanceMatrixDataset', 'hungarian_labels', 'load_gt_frames',
    'motmetrics_data_file', 'size_band_dataset'
]
