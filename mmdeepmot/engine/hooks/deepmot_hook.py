"""Loads and freezes the DHN of every DeepMOT loss before training, and
records which DHN trained a tracker in its checkpoints."""
import hashlib
import logging
import os.path as osp
from typing import List, Optional

from mmengine.hooks import Hook
from mmengine.logging import print_log
from mmengine.model import is_model_wrapper
from mmtrack.registry import HOOKS

from ...models.dhn.dhn_io import DEFAULT_DHN
from ...models.losses import DeepMOTLoss
from ...models.matchers import DHNMatcher


def deepmot_losses(model) -> List[DeepMOTLoss]:
    """Every DeepMOTLoss inside ``model`` (unwrapping DDP and friends)."""
    if is_model_wrapper(model):
        model = model.module
    return [m for m in model.modules() if isinstance(m, DeepMOTLoss)]


@HOOKS.register_module()
class DeepMOTHook(Hook):
    """Loads and freezes the DHN of every DeepMOT loss before the run, so
    that a missing or wrong DHN file fails before the first iteration, and
    says which weights it uses.

    Every checkpoint the run saves records, under ``meta['dhn']``, each
    DHN's file and its SHA-256. A checkpoint that records another DHN than
    the run's is refused when training resumes from it (the run would mix
    two matchers) and named in a warning when it is only a start.

    The loss's soft figures (``dmota``, ``dmotp``, ``soft_fp``, ...) are
    among the model's outputs, so ``LoggerHook`` logs them; the loss keeps
    no state between iterations, so nothing is reset here.

    Args:
        dhn_checkpoint (str, optional): overrides the DHN weights of every
            ``DHNMatcher``. Defaults to None (each matcher's own).
    """

    priority = 'NORMAL'

    def __init__(self, dhn_checkpoint: Optional[str] = None) -> None:
        self.dhn_checkpoint = dhn_checkpoint
        self.records: List[dict] = []
        self.loaded: Optional[List[dict]] = None

    def before_run(self, runner) -> None:
        self.records = []
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
                self.records.append(dhn_record(matcher.checkpoint))

    def before_save_checkpoint(self, runner, checkpoint: dict) -> None:
        if self.records:
            checkpoint.setdefault('meta', {})['dhn'] = self.records

    def after_load_checkpoint(self, runner, checkpoint: dict) -> None:
        self.loaded = (checkpoint.get('meta') or {}).get('dhn')

    def before_train(self, runner) -> None:
        if self.loaded is None or not self.records:
            return  # a detector's stage 0, or no DHN in this run
        have = [r['sha256'] for r in self.loaded]
        want = [r['sha256'] for r in self.records]
        if have == want:
            return
        message = (f'the checkpoint was trained with the DHN {self.loaded}, '
                   f'this run uses {self.records}')
        if runner.iter > 0:
            raise RuntimeError(f'DeepMOTHook: resuming would mix two DHNs: '
                               f'{message}')
        print_log(f'DeepMOTHook: {message}', logger='current',
                  level=logging.WARNING)


def dhn_record(checkpoint: Optional[str]) -> dict:
    """``{'path', 'sha256'}`` of a DHN file (None: the shipped one); the
    hash is None for a URL."""
    path = checkpoint or DEFAULT_DHN
    digest = None
    if '://' not in path and osp.isfile(path):
        with open(path, 'rb') as f:
            digest = hashlib.sha256(f.read()).hexdigest()
    shown = osp.basename(path) if checkpoint is None else path
    return dict(path=shown, sha256=digest)
