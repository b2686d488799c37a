"""A "tracker" that replays MOTChallenge result files, so results made
elsewhere go through ``tools/test.py`` and its evaluation unchanged."""
import os
import os.path as osp
from typing import Dict, Optional

import numpy as np
import torch
from mmengine.structures import InstanceData
from mmtrack.models.mot import BaseMultiObjectTracker
from mmtrack.registry import MODELS

from ..datasets.mot_challenge_io import read_mot_txt


@MODELS.register_module()
class MOTResultReplay(BaseMultiObjectTracker):
    """Read ``results_dir/SEQ.txt`` and emit its rows frame by frame.

    ``SEQ`` is the sequence folder of each image (``.../SEQ/img1/x.jpg``)
    and rows of frame ``frame_id + 1`` are returned, the numbering
    ``MOTChallengeMetrics`` writes. A missing result file raises; a frame
    without rows gives no tracks. There is nothing to train.
    """

    def __init__(self,
                 results_dir: str,
                 data_preprocessor: Optional[dict] = None,
                 init_cfg: Optional[dict] = None) -> None:
        super().__init__(data_preprocessor, init_cfg)
        self.results_dir = results_dir
        self._cache: Dict[str, np.ndarray] = {}

    def _rows(self, seq: str) -> np.ndarray:
        if seq not in self._cache:
            path = osp.join(self.results_dir, f'{seq}.txt')
            if not osp.isfile(path):
                raise FileNotFoundError(
                    f'no result file for sequence {seq}: {path}')
            self._cache[seq] = read_mot_txt(path, 'result')
        return self._cache[seq]

    def loss(self, inputs, data_samples, **kwargs) -> dict:
        """Replayed results have no parameters to train."""
        raise NotImplementedError('MOTResultReplay only predicts')

    def predict(self, inputs, data_samples, **kwargs) -> list:
        """Attach the stored tracks of each sample's frame."""
        for sample in data_samples:
            seq = sample.img_path.split(os.sep)[-3]
            rows = self._rows(seq)
            rows = rows[rows[:, 0] == sample.frame_id + 1]
            boxes = torch.as_tensor(rows[:, 2:6], dtype=torch.float32)
            boxes[:, 2:] += boxes[:, :2]
            sample.pred_track_instances = InstanceData(
                bboxes=boxes,
                scores=torch.as_tensor(rows[:, 6], dtype=torch.float32),
                labels=torch.zeros(len(rows), dtype=torch.long),
                instances_id=torch.as_tensor(rows[:, 1], dtype=torch.long))
        return data_samples
