"""Batch collation that keeps nested, variable-sized samples as they are."""
from typing import Dict, List, Sequence

from mmengine.registry import FUNCTIONS


@FUNCTIONS.register_module()
def list_collate(batch: Sequence[Dict]) -> Dict[str, List]:
    """``[{k: v}, ...] -> {k: [v, ...]}`` without stacking or transposing
    (mmengine's ``pseudo_collate`` transposes nested lists)."""
    if not batch:
        return {}
    return {key: [sample[key] for sample in batch] for key in batch[0]}
