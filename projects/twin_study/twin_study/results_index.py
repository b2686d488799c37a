"""The index of ``benchmarks/results``: every result file, what made it
(the command and commit its ``provenance`` records, or that it records
none) and which pages read it (their ``results:`` directives).

``results_page.py`` writes it to ``benchmarks/results/index.json`` before
the pages, and the ``results:index`` directive renders it as a table;
``--check`` fails when the file is stale.

Every file is named ``<subject>_<what>_<where>.json``, three parts of
lower-case words joined by hyphens: the subject is a tracker and its
network (``tracktor-mbv2``, ``siamrpn-r18``), a baseline (``kalman``,
``iou``) or the measured part (``dhn``, ``deepmot-loss``); what says the
kind of result (``ledger``, ``twins-dmota``, ``stage0``, ``tune-births``,
``step-1thread``); where names the split or the data (``halfval``,
``halftrainselect``, ``pets09``). The folder says the rest:
``trackers/<data>/``, ``speed/``, ``fidelity/``."""
import json
import os
import os.path as osp
import re
from typing import Dict, Iterable, List

INDEX = 'index.json'
RESULT_NAME = re.compile(r'[a-z0-9]+(?:-[a-z0-9]+)*'
                         r'(?:_[a-z0-9]+(?:-[a-z0-9]+)*){2}\.json')


def _provenance(path: str) -> Dict[str, object]:
    with open(path) as f:
        record = json.load(f)
    record = record if isinstance(record, dict) else {}
    prov = record.get('provenance')
    # tools/test.py and tools/tune_tracker.py record theirs at the top
    prov = prov if isinstance(prov, dict) else record
    commits = prov.get('test_commits')
    command = prov.get('command')
    if command is None and 'signatures' in prov:
        command = 'projects/twin_study/tools/compare_twins.py --ledger'
    return dict(command=command,
                commit=prov.get('commit') or (
                    sorted(set(commits.values())) if commits else None))


def build_index(root: str, pages: Dict[str, str]) -> Dict[str, dict]:
    """``{file: {command, commit, read_by}}`` of every JSON under ``root``
    (but the index itself), ``read_by`` listing ``PAGE:LINE results:KIND``
    of each directive of ``pages`` (name -> text) that names the file."""
    from .results_page import DIRECTIVE
    index = {}
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            rel = osp.relpath(osp.join(folder, name), root)
            if name.endswith('.json') and rel != INDEX:
                index[rel] = dict(_provenance(osp.join(folder, name)),
                                  read_by=[])
    for page, text in sorted(pages.items()):
        for match in DIRECTIVE.finditer(text):
            for word in match.group(2).replace('|', ' ').split():
                name = word.split('#')[0]
                entry = f'{page} results:{match.group(1)}'
                if name in index and entry not in index[name]['read_by']:
                    index[name]['read_by'].append(entry)
    return index


def index_text(index: Dict[str, dict]) -> str:
    """The index file's text."""
    return json.dumps(index, indent=1, sort_keys=True) + '\n'


def render_index(root: str, args: str) -> str:
    """The index as a table: file, the pages reading it, the script that
    made it (its whole command is in the index file)."""
    path = osp.join(root, INDEX)
    if not osp.isfile(path):
        raise FileNotFoundError(f'no {path}: run '
                                'projects/twin_study/tools/results_page.py')
    with open(path) as f:
        index = json.load(f)
    lines = ['| file | read by | made by |', '|---|---|---|']
    for name, entry in index.items():
        readers = sorted({r.split(' ')[0] for r in entry['read_by']})
        lines.append(f'| `{name}` | {", ".join(readers) or "none"} | '
                     f'{_script(entry["command"])} |')
    return '\n'.join(lines)


def _script(command: object) -> str:
    """The script of a recorded command, or that none was recorded."""
    if not command:
        return 'not recorded'
    words = command if isinstance(command, list) else str(command).split()
    return f'`{words[0]}`'


def misnamed(index: Dict[str, dict]) -> List[str]:
    """Files not named ``<subject>_<what>_<where>.json``."""
    return [
        name for name in index
        if not RESULT_NAME.fullmatch(osp.basename(name))
    ]


def unreferenced(index: Dict[str, dict]) -> Iterable[str]:
    """Files no page reads."""
    return [name for name, entry in index.items() if not entry['read_by']]
