"""MOTChallengeDataset frames with their public detections attached."""
import os.path as osp
from typing import Dict, List, Optional, Tuple, Union

import mmengine
import numpy as np
from mmtrack.datasets import MOTChallengeDataset
from mmtrack.registry import DATASETS


@DATASETS.register_module()
class MOTDetDataset(MOTChallengeDataset):
    """``MOTChallengeDataset`` whose frames carry ``public_bboxes``
    ([N, 5]: x1, y1, x2, y2, score, in original image coordinates) read
    from ``detection_file`` (the ``*_detections.pkl`` that
    ``tools/mot2cocovid.py`` writes; a relative path is under
    ``data_root``). Add ``'public_bboxes'`` to ``PackTrackInputs``'s
    ``meta_keys`` to pass them to the model. Without ``detection_file``
    frames get an empty array. A frame missing from the file raises.

    Args:
        detection_file (str, optional): the public detections. Defaults to
            None.
        video_name_contains (str, optional): keep only the videos whose
            name contains this (e.g. ``'FRCNN'``: one detector's variant of
            each MOT17 video, a third of the frames to validate on). A
            pattern no video matches raises. Defaults to None (every video).
        *args, **kwargs: ``MOTChallengeDataset``'s.
    """

    def __init__(self,
                 *args,
                 detection_file: Optional[str] = None,
                 video_name_contains: Optional[str] = None,
                 **kwargs) -> None:
        self.video_name_contains = video_name_contains
        data_root = kwargs.get('data_root', '') or ''
        if detection_file and not osp.isabs(detection_file):
            detection_file = osp.join(data_root, detection_file)
        self._detections: Dict[str, List[np.ndarray]] = {}
        if detection_file:
            if not osp.isfile(detection_file):
                raise FileNotFoundError(
                    f'no public detection file {detection_file}')
            self._detections = mmengine.load(detection_file)['det_bboxes']
        super().__init__(*args, detection_file=detection_file, **kwargs)

    def load_data_list(self) -> Tuple[List[dict], List[int]]:
        """The parent's frames, narrowed to ``video_name_contains``."""
        data_list, valid = super().load_data_list()
        pattern = self.video_name_contains
        if pattern is None:
            return data_list, valid
        keep = [i for i, info in enumerate(data_list)
                if pattern in info['video_name']]
        if not keep:
            names = sorted({info['video_name'] for info in data_list})
            raise ValueError(f'video_name_contains={pattern!r}: no video of '
                             f'{self.ann_file} matches ({names})')
        new_index = {old: new for new, old in enumerate(keep)}
        return ([data_list[i] for i in keep],
                [new_index[i] for i in valid if i in new_index])

    def parse_data_info(self, raw_data_info: dict) -> Union[dict,
                                                            List[dict]]:
        """Parent's parsing plus the frame's public detections."""
        data_info = super().parse_data_info(raw_data_info)
        # CocoVID file names start with the video's folder
        data_info['video_name'] = raw_data_info['raw_img_info'][
            'file_name'].replace('\\', '/').split('/')[0]
        if self.detection_file:
            name = raw_data_info['raw_img_info']['file_name']
            if name not in self._detections:
                raise KeyError(f'{self.detection_file} has no detections '
                               f'for frame {name}')
            boxes = np.concatenate(self._detections[name], axis=0)
        else:
            boxes = np.zeros((0, 5))
        data_info['public_bboxes'] = boxes.astype(np.float32).reshape(-1, 5)
        return data_info
