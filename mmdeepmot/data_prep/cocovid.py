"""Convert a MOTChallenge tree (MOT17 or the generated one) to the CocoVID
json files that MMTracking's ``MOTChallengeDataset`` reads.

Output, as MMTracking's own converter writes it: ``{split}_cocoformat.json``
for ``train`` and ``test`` and, with ``split_train``, ``half-train`` and
``half-val`` (the first and second half of every training sequence, with
``gt/gt_half-train.txt`` / ``gt_half-val.txt`` for evaluation), then
``half-train-fit`` and ``half-train-select`` (half-train cut in two, for
choosing schedules without half-val; ``subset_frames``), and
``{split}_detections.pkl`` with the public detections.
"""
import os
import os.path as osp
from collections import defaultdict
from typing import Dict, List, Optional

import mmengine
import numpy as np

from ..datasets.mot_challenge_io import (CLASSES, check_gt, frame_image,
                                         list_sequences, read_gt, read_mot_txt,
                                         read_seqinfo, subset_frames,
                                         write_mot_txt)


def convert_split(root: str,
                  subset: str,
                  out_dir: str,
                  with_gt: bool,
                  with_det: bool = True,
                  counters: Optional[Dict[str, int]] = None) -> str:
    """Write ``{subset}_cocoformat.json`` (and detections); returns its path.

    ``subset`` is one of ``mot_challenge_io.SUBSETS`` (the ``half*`` ones
    read the ``train`` folder).
    """
    counters = counters if counters is not None else dict(vid=1, img=1,
                                                          ann=1)
    folder = 'train' if subset.startswith('half') else subset
    split_dir = osp.join(root, folder)
    out = defaultdict(list)
    out['categories'] = CLASSES
    detections: Dict[str, List[np.ndarray]] = {}
    num_instances = 0
    for name in list_sequences(split_dir):
        seq_dir = osp.join(split_dir, name)
        info = read_seqinfo(seq_dir)
        if info['name'] != name:
            raise ValueError(f'{seq_dir}/seqinfo.ini names the sequence '
                             f'{info["name"]!r}, its folder is {name!r}')
        frames = subset_frames(subset, int(info['seqLength']))
        # MOT15's 10-column files read as MOT17's 9 columns
        gt = None
        if with_gt:
            gt_path = osp.join(seq_dir, 'gt', 'gt.txt')
            gt = read_gt(gt_path)
            check_gt(gt_path, gt, int(info['seqLength']))
        det = read_mot_txt(osp.join(seq_dir, 'det', 'det.txt'),
                           'det') if with_det else None
        if gt is not None and subset.startswith('half'):
            keep = np.isin(gt[:, 0], list(frames))
            write_mot_txt(
                osp.join(seq_dir, 'gt', f'gt_{subset}.txt'), gt[keep], 'gt')
        video = dict(id=counters['vid'], name=name, fps=info['frameRate'],
                     width=info['imWidth'], height=info['imHeight'])
        ins_map: Dict[int, int] = {}
        for frame_id, mot_frame in enumerate(frames):
            path = frame_image(seq_dir, info, mot_frame)
            file_name = osp.relpath(path, split_dir)
            image = dict(id=counters['img'], video_id=counters['vid'],
                         file_name=file_name, height=info['imHeight'],
                         width=info['imWidth'], frame_id=frame_id,
                         mot_frame_id=mot_frame)
            if gt is not None:
                for row in gt[gt[:, 0] == mot_frame]:
                    mot_id = int(row[1])
                    if mot_id not in ins_map:
                        ins_map[mot_id] = num_instances
                        num_instances += 1
                    bbox = [float(v) for v in row[2:6]]
                    out['annotations'].append(dict(
                        id=counters['ann'], image_id=counters['img'],
                        category_id=int(row[7]), bbox=bbox,
                        area=bbox[2] * bbox[3], iscrowd=False,
                        visibility=float(row[8]), mot_instance_id=mot_id,
                        mot_conf=float(row[6]),
                        instance_id=ins_map[mot_id]))
                    counters['ann'] += 1
            if det is not None:
                rows = det[det[:, 0] == mot_frame]
                boxes = np.zeros((len(rows), 5))
                boxes[:, :2] = rows[:, 2:4]
                boxes[:, 2:4] = rows[:, 2:4] + rows[:, 4:6]
                boxes[:, 4] = rows[:, 6]
                detections[file_name] = [boxes]
            out['images'].append(image)
            counters['img'] += 1
        out['videos'].append(video)
        counters['vid'] += 1
    out['num_instances'] = num_instances
    os.makedirs(out_dir, exist_ok=True)
    out_file = osp.join(out_dir, f'{subset}_cocoformat.json')
    mmengine.dump(dict(out), out_file)
    if with_det:
        mmengine.dump(dict(det_bboxes=detections),
                      osp.join(out_dir, f'{subset}_detections.pkl'))
    return out_file


def mot_to_cocovid(root: str,
                   out_dir: Optional[str] = None,
                   split_train: bool = True,
                   with_det: bool = True) -> List[str]:
    """Convert ``root/train`` (with ground truth) and ``root/test`` (if
    present) to ``out_dir`` (default ``root/annotations``)."""
    out_dir = out_dir or osp.join(root, 'annotations')
    counters = dict(vid=1, img=1, ann=1)
    subsets = [('train', True)]
    if split_train:
        subsets += [('half-train', True), ('half-val', True),
                    ('half-train-fit', True), ('half-train-select', True)]
    if osp.isdir(osp.join(root, 'test')):
        has_gt = all(
            osp.isfile(osp.join(root, 'test', s, 'gt', 'gt.txt'))
            for s in list_sequences(osp.join(root, 'test')))
        subsets.append(('test', has_gt))
    return [
        convert_split(root, subset, out_dir, gt, with_det, counters)
        for subset, gt in subsets
    ]
