"""The result tables of the pages are written from benchmarks/results: the
committed pages hold exactly what the files give, and the directives say
what is wrong, naming page and line."""
import json
import os.path as osp
import subprocess
import sys

import pytest
from twin_study.results_page import render_page
from twin_study.tables import sign_test

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))
TOOL = osp.join(ROOT, 'projects', 'twin_study', 'tools', 'results_page.py')


def test_committed_pages_equal_what_the_files_give():
    proc = subprocess.run([sys.executable, TOOL, '--check'], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert 'every table matches its result files' in proc.stdout


def _metrics(mota, idf1):
    return dict(MOTA=mota, IDF1=idf1, HOTA=0.4, MOTP=0.8, FP=10, FN=20,
                IDSw=3)


@pytest.fixture
def results(tmp_path):
    twins = {'stage0_t': {'stage0': _metrics(0.40, 0.40)},
             'vanilla_t': {str(s): _metrics(0.40 + 0.01 * s, 0.5)
                           for s in range(5)},
             'deepmot_t': {str(s): _metrics(0.43 + 0.01 * s, 0.5)
                           for s in range(5)},
             'provenance': {}}
    (tmp_path / 'twins.json').write_text(json.dumps(twins))
    (tmp_path / 'base.json').write_text(json.dumps(
        {'overall': _metrics(0.5, 0.6)}))
    (tmp_path / 'nested.json').write_text(json.dumps(
        {'a': {'x': {'p': 1.5, 'q': 2}, 'y': {'p': 0.25}}}))
    return str(tmp_path)


def test_directives_are_filled_and_refilled(results):
    page = ('# t\n<!-- results:twins twins.json -->\nstale\n'
            '<!-- /results -->\ntext\n<!-- results:metrics\n'
            'base | base.json\nmean | twins.json#deepmot_t\n'
            'one | twins.json#vanilla_t/2\n-->\n<!-- /results -->\n'
            '<!-- results:table nested.json path=a -->\n<!-- /results -->\n')
    out = render_page(page, results, 'page.md')
    assert 'stale' not in out and out.startswith('# t\n')
    assert '| **difference** | mean | +3.0 ± 0.0 |' in out
    assert 'MOTA: DeepMOT ahead on 5 of 5 seeds, sign test p = 0.062' in out
    assert '| base | - | 50.0 | 60.0 |' in out
    assert '| mean | 0,1,2,3,4 | 45.0 ± 1.6 |' in out
    assert '| one | 2 | 42.0 |' in out
    assert '| x | 1.5 | 2 |' in out and '| y | 0.25 |  |' in out
    assert render_page(out, results, 'page.md') == out  # a fixed point
    assert 'Left out' not in out


def test_a_run_without_its_twin_is_named(results):
    path = osp.join(results, 'twins.json')
    with open(path) as f:
        twins = json.load(f)
    twins['vanilla_t']['7'] = _metrics(0.5, 0.5)
    with open(path, 'w') as f:
        json.dump(twins, f)
    out = render_page('<!-- results:twins twins.json -->\n'
                      '<!-- /results -->\n', results, 'page.md')
    assert 'Left out until their twins finish: vanilla_t seed 7.' in out
    assert '| vanilla_t | 7 |' not in out


def test_twins_are_picked_from_a_ledger_with_ablations(results):
    path = osp.join(results, 'twins.json')
    with open(path) as f:
        twins = json.load(f)
    twins['deepmot_t_sinkhorn'] = {'0': _metrics(0.9, 0.9)}
    with open(path, 'w') as f:
        json.dump(twins, f)
    with pytest.raises(ValueError, match='name the twins as runs='):
        render_page('<!-- results:twins twins.json -->\n<!-- /results -->\n',
                    results, 'page.md')
    out = render_page('<!-- results:twins twins.json runs=vanilla_t,'
                      'deepmot_t rows=IoU%20tracker:base.json -->\n'
                      '<!-- /results -->\n', results, 'p.md')
    assert 'sinkhorn' not in out
    # the baseline row follows stage 0
    assert '| stage0_t | - | 40.0 | 40.0 |' in out
    assert out.index('| stage0_t |') < out.index('| IoU tracker | - | 50.0 |'
                                                 ) < out.index('| vanilla_t |')
    assert 'MOTA: DeepMOT ahead on 5 of 5 seeds' in out


def test_a_bad_directive_names_page_and_line(results):
    with pytest.raises(ValueError, match=r'page\.md:2: unknown directive '
                       r'results:nope'):
        render_page('x\n<!-- results:nope a -->\n<!-- /results -->\n',
                    results, 'page.md')
    with pytest.raises(ValueError, match=r'page\.md:1: results:twins has '
                       r'no <!-- /results -->'):
        render_page('<!-- results:twins twins.json -->\n', results,
                    'page.md')
    with pytest.raises(ValueError, match=r'page\.md:1: results:metrics: '
                       r'FileNotFoundError: no result file'):
        render_page('<!-- results:metrics\nx | missing.json\n-->\n'
                    '<!-- /results -->\n', results, 'page.md')


def test_cost_sets_the_loss_share_beside_the_step_time(results):
    for threads, ms in ((1, 200.0), (2, 120.0)):
        with open(osp.join(results, f'step{threads}.json'), 'w') as f:
            json.dump(dict(ground='pets09', threads=threads,
                           ms_per_iteration={'vanilla': ms,
                                             'deepmot-dhn': 1.25 * ms}), f)
    out = render_page('<!-- results:cost step1.json step2.json -->\n'
                      '<!-- /results -->\n', results, 'page.md')
    assert '| variant | pets09, 1 thread | pets09, 2 threads |' in out
    assert '| vanilla | 200 | 120 |' in out
    assert '| deepmot-dhn | 250 (20 %) | 150 (20 %) |' in out


def test_sign_test():
    assert sign_test([1, 2, 3, 4, 5]) == pytest.approx(2 / 32)
    assert sign_test([1, -1]) == 1.0
    assert sign_test([0, 0]) == 1.0
    assert sign_test([1] * 9 + [-1]) == pytest.approx(2 * 11 / 1024)


def test_the_index_names_every_file_its_maker_and_readers(results):
    from twin_study.results_index import (INDEX, build_index, index_text,
                                          unreferenced)
    with open(osp.join(results, 'base.json'), 'w') as f:
        json.dump({'overall': _metrics(0.5, 0.6), 'provenance': dict(
            command=['benchmarks/x.py', '--out', 'base.json'],
            commit='abc')}, f)
    # tools/test.py's files record their maker at the top level
    with open(osp.join(results, 'test.json'), 'w') as f:
        json.dump({'overall': _metrics(0.5, 0.6),
                   'command': 'tools/test.py cfg.py', 'commit': 'def'}, f)
    pages = {'page.md': '<!-- results:metrics\nbase | base.json\n'
             'mean | twins.json#deepmot_t\n-->\n<!-- /results -->\n'}
    index = build_index(results, pages)
    assert sorted(index) == ['base.json', 'nested.json', 'test.json',
                             'twins.json']
    assert index['test.json'] == dict(command='tools/test.py cfg.py',
                                      commit='def', read_by=[])
    assert index['base.json'] == dict(
        command=['benchmarks/x.py', '--out', 'base.json'], commit='abc',
        read_by=['page.md results:metrics'])
    assert list(unreferenced(index)) == ['nested.json', 'test.json']
    with open(osp.join(results, INDEX), 'w') as f:
        f.write(index_text(index))
    out = render_page('<!-- results:index -->\n<!-- /results -->\n',
                      results, 'page.md')
    assert '| `base.json` | page.md | `benchmarks/x.py` |' in out
    assert '| `nested.json` | none | not recorded |' in out
    assert '| `test.json` | none | `tools/test.py` |' in out
    # the index file itself is not indexed
    assert INDEX not in build_index(results, pages)


def test_twins_without_a_finished_pair_say_so(results):
    path = osp.join(results, 'ledger.json')
    with open(path, 'w') as f:
        json.dump({'vanilla_t': {'0': _metrics(0.5, 0.5)},
                   'provenance': {}}, f)
    out = render_page('<!-- results:twins ledger.json '
                      'runs=vanilla_t,deepmot_t -->\n<!-- /results -->\n',
                      results, 'page.md')
    assert 'No seed of both twins has finished yet (finished: ' \
        'vanilla_t seed 0).' in out


def test_result_files_follow_one_naming_scheme():
    from twin_study.results_index import misnamed
    index = {
        'trackers/pets09/tracktor-mbv2_ledger_halfval.json': {},
        'speed/tracktor-r18_step-1thread_pets09.json': {},
        'trackers/pets09/kalman' + '_halfval.json': {},  # two parts
        'trackers/pets09/tracktor_pets09_mbv2' + '_ledger.json': {},  # four
        'fidelity/DHN_bands_synthetic.json': {},  # upper case
    }
    assert misnamed(index) == [
        'trackers/pets09/kalman' + '_halfval.json',
        'trackers/pets09/tracktor_pets09_mbv2' + '_ledger.json',
        'fidelity/DHN_bands_synthetic.json'
    ]
    # and every committed one does
    from twin_study.results_index import build_index
    assert not misnamed(build_index(osp.join(ROOT, 'benchmarks', 'results'),
                                    {}))
