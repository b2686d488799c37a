"""Exact resume: the validation a kill interrupted is not lost."""
from typing import Optional

from mmengine.hooks import Hook
from mmengine.logging import print_log
from mmengine.runner import IterBasedTrainLoop
from mmtrack.registry import HOOKS

from .random_state_hook import defer_until_restored

KEY = 'validated_iter'


@HOOKS.register_module()
class ResumeValidationHook(Hook):
    """Runs, on resume, the validation due at the resumed iteration.

    mmengine's iteration loop saves a checkpoint in ``after_train_iter``
    and validates after it, so a run killed during (or just after) the
    validation at iteration ``n`` resumes from ``iter_n.pth`` past that
    validation: its score is never logged and its weights never compete
    for the best checkpoint (``save_best``). This hook validates those
    weights before training goes on, as the uninterrupted run did. Every
    checkpoint records (``meta['validated_iter']``) the last iteration
    validated when it was written: mmengine writes ``iter_n.pth`` again
    after a validation that improved the best score, and such a
    checkpoint needs no validation made up (its random states are those
    after it). A checkpoint without the record (written before this hook)
    is validated again: the same figure when the killed run had finished
    it (validation is deterministic), so the best checkpoint ends the same.
    With :class:`RandomStateHook` the validation runs right after the
    random states are restored, before the next batch, as in the
    uninterrupted run (it draws random numbers: its data loader's seed),
    so the training that follows is unchanged too.

    A run resumed at its last iteration is treated the same (the kill may
    have cut its final validation). Only iteration-based loops
    (:class:`IterBasedTrainLoop`); other loops are left as they are.
    """

    # after every other hook has prepared the loop
    priority = 'LOWEST'

    def __init__(self) -> None:
        self._validated: Optional[int] = None
        self._loaded: Optional[int] = None

    def before_val_epoch(self, runner) -> None:
        # set before the validation: CheckpointHook writes iter_n.pth again
        # in its after_val_epoch, which runs before this hook's would
        self._validated = runner.iter

    def before_save_checkpoint(self, runner, checkpoint: dict) -> None:
        checkpoint.setdefault('meta', {})[KEY] = self._validated

    def after_load_checkpoint(self, runner, checkpoint: dict) -> None:
        self._loaded = checkpoint.get('meta', {}).get(KEY)
        self._validated = self._loaded

    def before_train_epoch(self, runner) -> None:
        loop = runner.train_loop
        if not isinstance(loop, IterBasedTrainLoop) or loop.iter == 0 \
                or runner.val_loop is None or self._loaded == loop.iter:
            return
        loop._decide_current_val_interval()
        due = loop.iter >= loop.val_begin and (
            loop.iter % loop.val_interval == 0
            or loop.iter == loop.max_iters)
        if not due:
            return
        print_log(f'resumed at iteration {loop.iter}, where a validation is '
                  'due: validating before training goes on',
                  logger='current')

        def validate() -> None:
            runner.val_loop.run()
            # the loop sets training mode before it asks for the batch
            runner.model.train()

        if loop.iter == loop.max_iters or not defer_until_restored(
                loop, validate):
            validate()
