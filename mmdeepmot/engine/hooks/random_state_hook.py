"""Exact resume: the random states travel with the checkpoint."""
import random
from typing import Callable, List, Optional

import numpy as np
import torch
from mmengine.hooks import Hook
from mmtrack.registry import HOOKS

KEY = 'random_state'


def get_random_state() -> dict:
    """The global random states: torch (CPU and every CUDA device), numpy
    and Python's ``random``."""
    state = dict(torch=torch.get_rng_state(), numpy=np.random.get_state(),
                 python=random.getstate())
    if torch.cuda.is_available():
        state['cuda'] = torch.cuda.get_rng_state_all()
    return state


def set_random_state(state: dict) -> None:
    """Restore what :func:`get_random_state` returned."""
    torch.set_rng_state(state['torch'])
    np.random.set_state(state['numpy'])
    random.setstate(state['python'])
    if 'cuda' in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state['cuda'])


class _RestoreAfterSkip:
    """Wraps the train loop's data iterator: after the ``skip`` batches
    that resuming advances past, the random states are set back to those
    the checkpoint saved, so that the next batch (drawn in the main process
    when ``num_workers=0``) and the iteration after it see what the
    uninterrupted run saw. What was deferred to the restore
    (:func:`defer_until_restored`) runs right after it."""

    def __init__(self, iterator, skip: int, state: dict) -> None:
        self.iterator, self.skip, self.state = iterator, skip, state
        self.deferred: List[Callable[[], None]] = []

    def __iter__(self):
        return self

    def __next__(self):
        if self.skip == 0 and self.state is not None:
            set_random_state(self.state)
            self.state = None
            for step in self.deferred:
                step()
            self.deferred = []
        self.skip -= 1
        return next(self.iterator)

    def __getattr__(self, name):
        return getattr(self.iterator, name)


def defer_until_restored(loop, step: Callable[[], None]) -> bool:
    """Have ``step`` run right after :class:`RandomStateHook` restores a
    resumed loop's random states, before the loop's next batch: where the
    uninterrupted run did it (a validation consumes random numbers, e.g.
    the seed of its data loader).

    Args:
        loop: the train loop, after ``before_train``.
        step (callable): what to run, without arguments.

    Returns:
        bool: False when no restore is ahead (nothing was saved, or it has
        happened); the caller then runs ``step`` itself.
    """
    iterator = getattr(loop, 'dataloader_iterator', None)
    if isinstance(iterator, _RestoreAfterSkip) and iterator.state is not None:
        iterator.deferred.append(step)
        return True
    return False


@HOOKS.register_module()
class RandomStateHook(Hook):
    """Saves the global random states in every checkpoint and restores them
    on resume, so that a resumed run continues bit for bit as the
    uninterrupted one (the tracker unroll's jitter, mmdet's samplers and
    the data transforms draw from them).

    Iteration-based loops: the states are set back after the data loader
    has been advanced past the trained batches. Epoch-based loops: before
    the first resumed epoch (exact unless validation between epochs draws
    random numbers). A checkpoint without states (``load_from`` of plain
    weights) changes nothing.
    """

    priority = 'VERY_HIGH'

    def __init__(self) -> None:
        self._pending: Optional[dict] = None

    def before_save_checkpoint(self, runner, checkpoint: dict) -> None:
        checkpoint[KEY] = get_random_state()

    def after_load_checkpoint(self, runner, checkpoint: dict) -> None:
        if runner._resume and KEY in checkpoint:
            self._pending = checkpoint[KEY]

    def before_train(self, runner) -> None:
        if self._pending is None:
            return
        loop = runner.train_loop
        if hasattr(loop, 'dataloader_iterator'):
            loop.dataloader_iterator = _RestoreAfterSkip(
                loop.dataloader_iterator, loop.iter, self._pending)
            self._pending = None

    def before_train_epoch(self, runner) -> None:
        if self._pending is not None:
            set_random_state(self._pending)
            self._pending = None
