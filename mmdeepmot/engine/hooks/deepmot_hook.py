"""Prepares DeepMOT losses for training and logs their soft MOT figures."""
from typing import List, Optional, Sequence

from mmengine.hooks import Hook
from mmengine.model import is_model_wrapper
from mmtrack.registry import HOOKS

from ...models.losses import DeepMOTLoss
from ...models.matchers import DHNMatcher

LOGGED = ('dmota', 'dmotp', 'soft_fp', 'soft_fn', 'soft_ids', 'soft_tp')


def deepmot_losses(model) -> List[DeepMOTLoss]:
    """Every DeepMOTLoss inside ``model`` (unwrapping DDP and friends)."""
    if is_model_wrapper(model):
        model = model.module
    return [m for m in model.modules() if isinstance(m, DeepMOTLoss)]


def _sequence_starts(data_batch) -> List[object]:
    """Keys of the videos whose first frame is in this batch."""
    if not isinstance(data_batch, dict):
        return []
    starts = []
    for sample in data_batch.get('data_samples', None) or []:
        meta = getattr(sample, 'metainfo', sample)
        if not isinstance(meta, dict):
            continue
        if meta.get('frame_id', None) == 0:
            starts.append(meta.get('video_id', meta.get('ori_filename')))
    return starts


@HOOKS.register_module()
class DeepMOTHook(Hook):
    """Loads and freezes the DHN of every DeepMOT loss before training,
    resets a sequence's match memory when its first frame comes, and logs
    the mean dMOTA, dMOTP and soft counts every ``interval`` iterations.

    Args:
        dhn_checkpoint: overrides the DHN weights of every ``DHNMatcher``.
        interval: iterations between summaries.
    """

    priority = 'NORMAL'

    def __init__(self,
                 dhn_checkpoint: Optional[str] = None,
                 interval: int = 50) -> None:
        self.dhn_checkpoint = dhn_checkpoint
        self.interval = interval

    def before_run(self, runner) -> None:
        for loss in deepmot_losses(runner.model):
            matcher = loss.matcher
            if isinstance(matcher, DHNMatcher):
                if self.dhn_checkpoint is not None:
                    matcher.checkpoint = self.dhn_checkpoint
                    matcher.reload()
                dhn = matcher.dhn  # loads now, frozen, so errors show early
                assert not any(p.requires_grad for p in dhn.parameters())
                runner.logger.info('DeepMOTHook: frozen DHN from '
                                   f'{matcher.checkpoint or "shipped file"}')

    def _reset_started(self, runner, data_batch) -> None:
        starts = _sequence_starts(data_batch)
        if not starts:
            return
        for loss in deepmot_losses(runner.model):
            for key in starts:
                loss.reset(key)

    def before_train_iter(self, runner, batch_idx: int,
                          data_batch=None) -> None:
        self._reset_started(runner, data_batch)

    def before_val_iter(self, runner, batch_idx: int,
                        data_batch=None) -> None:
        self._reset_started(runner, data_batch)

    def before_test_iter(self, runner, batch_idx: int,
                         data_batch=None) -> None:
        self._reset_started(runner, data_batch)

    def after_train_iter(self, runner, batch_idx: int, data_batch=None,
                         outputs: Optional[Sequence] = None) -> None:
        if not self.every_n_train_iters(runner, self.interval):
            return
        hub = runner.message_hub
        parts = []
        for name in LOGGED:
            key = f'train/{name}'
            if key in hub.log_scalars:
                value = hub.log_scalars[key].mean(self.interval)
                parts.append(f'{name}: {value:.4f}')
        if parts:
            runner.logger.info('DeepMOT (mean of last '
                               f'{self.interval} iters) ' + '  '.join(parts))
