"""Write the result tables of the Markdown pages from the JSON files under
benchmarks/results (see twin_study.results_page for the directives).

    .venv/bin/python projects/twin_study/tools/results_page.py \
        [PAGE ...] [--check] [--results benchmarks/results]

Pages default to README.md, the docs pages with result tables and the
config folders' READMEs; each config folder's metafile.yml is written too
(twin_study.metafile). First benchmarks/results/index.json is written
anew (every result file, what made it, the pages that read it;
twin_study.results_index).
--check writes nothing and exits 1 naming every page whose tables (or the
index) differ from what the files give.
"""
import argparse
import os.path as osp
import sys

import _bootstrap  # noqa: F401
from twin_study.metafile import COLLECTIONS, metafile_text
from twin_study.results_index import (INDEX, build_index, index_text, misnamed,
                                      unreferenced)
from twin_study.results_page import render_page
from twin_study.runs import CHECKOUT

PAGES = ('README.md', 'docs/results.md', 'docs/real_pixels.md', 'docs/dhn.md',
         'docs/loss.md', 'docs/identity_loss.md',
         'configs/deepmot_tracktor/README.md',
         'configs/deepmot_siamrpn/README.md')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('pages', nargs='*', default=list(PAGES))
    parser.add_argument('--check', action='store_true')
    parser.add_argument('--results',
                        default=osp.join(CHECKOUT, 'benchmarks', 'results'))
    args = parser.parse_args()
    stale = []
    texts = {}
    for page in PAGES:
        with open(page) as f:
            texts[page] = f.read()
    index = build_index(args.results, texts)
    wrong = misnamed(index)
    if wrong:
        sys.exit('error: result files not named <subject>_<what>_<where>.json '
                 '(twin_study/results_index.py): ' + ', '.join(wrong))
    path = osp.join(args.results, INDEX)
    text = index_text(index)
    old = open(path).read() if osp.isfile(path) else None
    if old != text:
        stale.append(path)
        if not args.check:
            with open(path, 'w') as f:
                f.write(text)
            print(f'wrote {path}')
    for folder in COLLECTIONS:
        path = osp.join(CHECKOUT, 'configs', folder, 'metafile.yml')
        text = metafile_text(CHECKOUT, folder, args.results)
        old = open(path).read() if osp.isfile(path) else None
        if old != text:
            stale.append(path)
            if not args.check:
                with open(path, 'w') as f:
                    f.write(text)
                print(f'wrote {path}')
    loose = unreferenced(index)
    if loose:
        print(f'{len(loose)} result files no page reads: ' + ', '.join(loose))
    for page in args.pages:
        with open(page) as f:
            text = f.read()
        try:
            new = render_page(text, args.results, page)
        except ValueError as err:
            sys.exit(f'error: {err}')
        if new == text:
            continue
        stale.append(page)
        if not args.check:
            with open(page, 'w') as f:
                f.write(new)
            print(f'wrote {page}')
    if args.check and stale:
        sys.exit('error: ' + ', '.join(stale) + ' differ from '
                 'benchmarks/results; run '
                 'projects/twin_study/tools/results_page.py')
    if not stale:
        print('every table matches its result files')


if __name__ == '__main__':
    main()
