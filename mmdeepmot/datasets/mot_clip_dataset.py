"""Clips of consecutive frames of one MOTChallenge video, for training a
tracker the way it runs (frame t-1's tracks carried into frame t)."""
from typing import Any, List

from mmtrack.registry import DATASETS

from .mot_det_dataset import MOTDetDataset


@DATASETS.register_module()
class MOTClipDataset(MOTDetDataset):
    """``MOTDetDataset`` whose items are clips of ``clip_length``
    frames, ``frame_stride`` apart, starting at the indexed frame.

    A clip that would run past the end of its video starts earlier, so every
    clip has ``clip_length`` distinct frames when the video is long enough
    (shorter videos repeat their last frame). The frames go through the
    pipeline as one list, like mmtrack's reference frames: wrap per-frame
    transforms in ``TransformBroadcaster`` and pack with ``PackTrackInputs``
    (the first frame is the key frame, the others ``ref_*``).
    """

    def __init__(self,
                 clip_length: int = 2,
                 frame_stride: int = 1,
                 *args,
                 **kwargs) -> None:
        if clip_length < 2:
            raise ValueError(f'clip_length must be >= 2, got {clip_length}')
        if frame_stride < 1:
            raise ValueError(f'frame_stride must be >= 1, got {frame_stride}')
        self.clip_length = clip_length
        self.frame_stride = frame_stride
        kwargs['ref_img_sampler'] = None
        kwargs.setdefault('load_as_video', True)
        super().__init__(*args, **kwargs)
        if not self.load_as_video:
            raise ValueError('MOTClipDataset needs load_as_video=True')

    def clip_infos(self, idx: int) -> List[dict]:
        """Data infos of the clip of item ``idx``, in time order."""
        first = self.get_data_info(idx)
        frame_id, length = first['frame_id'], first['video_length']
        span = (self.clip_length - 1) * self.frame_stride
        start = min(frame_id, max(0, length - 1 - span))
        base = self.valid_data_indices[idx] - frame_id
        infos = []
        for k in range(self.clip_length):
            fid = min(start + k * self.frame_stride, length - 1)
            info = first if fid == frame_id else self._get_ori_data_info(
                base + fid)
            if info['video_id'] != first['video_id'] or \
                    info['frame_id'] != fid:
                raise RuntimeError(
                    'annotations are not stored frame by frame per video: '
                    f'expected frame {fid} of video {first["video_id"]}, '
                    f'got frame {info["frame_id"]} of {info["video_id"]}')
            infos.append(info)
        return infos

    def prepare_data(self, idx: int) -> Any:
        """The pipeline's output for the clip of item ``idx``."""
        infos = self.clip_infos(idx)
        for info in infos:
            info['is_video_data'] = True
        clip = {key: [info.get(key) for info in infos] for key in infos[0]}
        return self.pipeline(clip)
