"""Clips of moving boxes and biased track predictions, for small tests of
the DeepMOT loss (no images involved)."""
from typing import Dict, List

import numpy as np
import torch
from mmtrack.registry import DATASETS
from torch.utils.data import Dataset


@DATASETS.register_module()
class ToyBoxClipDataset(Dataset):
    """Each item: ``num_frames`` frames of ``num_objects`` boxes moving in a
    ``img_size`` image, and tracks that follow them with a systematic error
    (shifted by ``bias`` of the box width and height, rescaled by
    ``scale_bias``) plus noise. A model that learns to undo the bias raises
    MOTA: uncorrected, many tracks overlap their object by IoU < 0.5.
    """

    def __init__(self,
                 length: int = 64,
                 seed: int = 0,
                 num_frames: int = 4,
                 num_objects: int = 6,
                 img_size: tuple = (640, 360),
                 bias: tuple = (0.35, 0.1),
                 scale_bias: float = 1.25,
                 noise: float = 0.03) -> None:
        self.length = length
        self.seed = seed
        self.num_frames = num_frames
        self.num_objects = num_objects
        self.img_size = img_size
        self.bias = np.asarray(bias, dtype=np.float64)
        self.scale_bias = scale_bias
        self.noise = noise
        self.metainfo = dict(classes=('pedestrian', ))

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index: int) -> Dict[str, List[torch.Tensor]]:
        rng = np.random.default_rng([self.seed, index])
        img_w, img_h = self.img_size
        n = self.num_objects
        h = rng.uniform(0.15, 0.4, n) * img_h
        w = h * rng.uniform(0.35, 0.5, n)
        c = rng.uniform([0.1 * img_w, 0.2 * img_h],
                        [0.9 * img_w, 0.8 * img_h], (n, 2))
        vel = rng.normal(0, 0.01 * img_w, (n, 2))
        frames = []
        for t in range(self.num_frames):
            ct = c + t * vel
            gt = np.stack([ct[:, 0] - w / 2, ct[:, 1] - h / 2,
                           ct[:, 0] + w / 2, ct[:, 1] + h / 2], 1)
            pw = w * self.scale_bias * np.exp(rng.normal(0, self.noise, n))
            ph = h * self.scale_bias * np.exp(rng.normal(0, self.noise, n))
            pc = ct + self.bias * np.stack([w, h], 1) + rng.normal(
                0, self.noise, (n, 2)) * np.stack([w, h], 1)
            pred = np.stack([pc[:, 0] - pw / 2, pc[:, 1] - ph / 2,
                             pc[:, 0] + pw / 2, pc[:, 1] + ph / 2], 1)
            frames.append(
                dict(
                    gt_boxes=torch.from_numpy(gt).float(),
                    gt_ids=list(range(n)),
                    pred_boxes=torch.from_numpy(pred).float(),
                    pred_ids=list(range(100, 100 + n)),
                    img_shape=(img_h, img_w)))
        return dict(frames=frames)
