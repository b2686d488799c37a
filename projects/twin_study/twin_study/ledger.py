"""A ledger of finished twin runs: one JSON file, in the comparison's
format (run name -> seed -> metrics, ``provenance``), that outlives the run
folders. A comparison spread over several machines or sessions (the drawn
MOT17's 5 seeds take longer than one) adds each run's test figures as the
run finishes and reuses them later instead of training the run again.

Each entry is keyed by the run's folder name (``<config>_seed<S>``, or
``stage0_<...>``) and carries, under ``provenance``, a signature of what
made it (the training config with the run's options and seed, the test
config, the thread count): an entry whose signature differs from the
run asked for is not reused (it is replaced when that run finishes), so
figures of another schedule are never mixed in under the same name.
"""
import fcntl
import hashlib
import json
import os
import os.path as osp
import tempfile
from contextlib import contextmanager
from typing import Dict, Iterator, List, Optional

# provenance keys holding one value per run folder; ``validation`` is the
# run's validation curve, [[iteration, value], ...] (for the stage-0 row:
# [[0, value]]), kept because the folders that logged it do not last
PER_RUN = ('signatures', 'checkpoints', 'test_commits', 'validation')


class Ledger:
    """The ledger file at ``path`` (made on the first ``add``).

    Args:
        path (str): the JSON file.
    """

    def __init__(self, path: str) -> None:
        self.path = path

    def read(self) -> Dict[str, object]:
        """The ledger's record (an empty one when there is no file).

        Raises:
            SystemExit: naming the file when it is not a ledger.
        """
        if not osp.isfile(self.path):
            return dict(provenance={k: {} for k in PER_RUN})
        try:
            with open(self.path) as f:
                record = json.load(f)
            prov = record['provenance']
            for key in PER_RUN:
                prov.setdefault(key, {})
        except (ValueError, KeyError, TypeError) as err:
            raise SystemExit(f'error: {self.path} is not a twins ledger '
                             f'({type(err).__name__}: {err})')
        return record

    @staticmethod
    def lookup(record: Dict[str, object], name: str, seed: object,
               folder: str, signature: str) -> Optional[Dict[str, float]]:
        """The metrics of run ``name`` at ``seed`` (folder ``folder``) when
        ``record`` holds them under ``signature``, else None."""
        prov = record['provenance']
        metrics = record.get(name, {}).get(str(seed))
        if metrics is None or prov['signatures'].get(folder) != signature:
            return None
        return metrics

    @staticmethod
    def stale_entry(record: Dict[str, object], folder: str,
                    signature: str) -> bool:
        """Whether ``record`` holds ``folder`` under another signature."""
        have = record['provenance']['signatures'].get(folder)
        return have is not None and have != signature

    @contextmanager
    def _locked(self) -> Iterator[None]:
        # the lock is not the ledger file, which is replaced on every write
        key = hashlib.sha1(osp.abspath(self.path).encode()).hexdigest()[:16]
        lock = osp.join(tempfile.gettempdir(),
                        f'mmdeepmot-ledger-{key}.lock')
        with open(lock, 'w') as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            yield

    def add(self, name: str, seed: object, folder: str,
            metrics: Dict[str, float], signature: str,
            checkpoint: Optional[str], test_commit: Optional[str],
            validation: Optional[List[List[float]]] = None) -> None:
        """Record one finished run (read, changed and written under a lock,
        so that processes finishing runs side by side keep each other's).

        Args:
            name (str): the run's name (its config's name, or
                ``stage0_...``).
            seed (object): its seed (``'stage0'`` for the starting
                weights).
            folder (str): its folder's name, the key of its provenance.
            metrics (dict): its overall test metrics.
            signature (str): what made it (see the module's docstring).
            checkpoint (str, optional): the checkpoint tested.
            test_commit (str, optional): the commit the test ran at.
            validation (list, optional): its validation curve,
                ``[[iteration, value], ...]``. Defaults to None (none
                kept).
        """
        with self._locked():
            record = self.read()
            record.setdefault(name, {})[str(seed)] = metrics
            prov = record['provenance']
            prov['signatures'][folder] = signature
            if checkpoint is not None:
                prov['checkpoints'][folder] = checkpoint
            prov['test_commits'][folder] = test_commit
            if validation:
                prov['validation'][folder] = [list(v) for v in validation]
            os.makedirs(osp.dirname(osp.abspath(self.path)), exist_ok=True)
            tmp = f'{self.path}.tmp{os.getpid()}'
            with open(tmp, 'w') as f:
                json.dump(record, f, indent=2)
            os.replace(tmp, self.path)
