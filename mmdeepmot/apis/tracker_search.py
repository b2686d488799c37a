"""Grid search over a tracker's test-time options with one runner: the
model and data are built once, each setting is one pass of the test loop."""
import ast
import itertools
import os.path as osp
from typing import Dict, List, Sequence

import mmengine
from mmengine.config import Config
from mmengine.logging import print_log
from mmengine.runner import Runner

from ..evaluation.trackeval_mot import markdown_cell
from ..utils.cli_args import split_assignment


def parse_grid(items: Sequence[str]) -> Dict[str, list]:
    """``['a.b=0.3,0.5', 'c=None,2']`` -> ``{'a.b': [0.3, 0.5], ...}``."""
    grid = {}
    for item in items:
        key, values = split_assignment(item, 'KEY=V1,V2,...', 'a grid item')
        grid[key] = [_literal(v) for v in values.split(',')]
    return grid


def _literal(text: str):
    try:
        return ast.literal_eval(text.strip())
    except (ValueError, SyntaxError):
        return text.strip()


def set_option(model, path: str, value) -> None:
    """Set ``model.<path>`` where each step is an attribute or dict key
    (``mot_tracker.max_lost``, ``tracker.obj_score_thr``)."""
    *parents, last = path.split('.')
    target = model
    for name in parents:
        target = target[name] if isinstance(target, dict) else \
            getattr(target, name)
    if isinstance(target, dict):
        if last not in target:
            raise KeyError(f'{path}: no option {last!r} (has '
                           f'{sorted(target)})')
        target[last] = value
    else:
        if not hasattr(target, last):
            raise AttributeError(f'{path}: {type(target).__name__} has no '
                                 f'{last!r}')
        setattr(target, last, value)


def use_split(cfg: Config, split: str) -> None:
    """Point the test dataset at another split of a MOTChallenge-layout
    set converted by ``mot2cocovid`` (``annotations/<split>_*``); the
    ``half-*`` and ``train`` splits read their images from ``train/``."""
    dataset = cfg.test_dataloader.dataset
    dataset.ann_file = f'annotations/{split}_cocoformat.json'
    if dataset.get('detection_file'):
        dataset.detection_file = f'annotations/{split}_detections.pkl'
    dataset.data_prefix = dict(
        img_path='test' if split == 'test' else 'train')


def keep_videos(cfg: Config, pattern: str, out_dir: str) -> List[str]:
    """Narrow the test dataset to the videos whose name contains
    ``pattern`` (e.g. ``FRCNN``: one variant of each MOT17 video): the
    annotations (and public detections) of those videos are written to
    ``out_dir`` and the dataset points there. Returns the kept names."""
    dataset = cfg.test_dataloader.dataset
    root = dataset.get('data_root') or ''
    ann = mmengine.load(osp.join(root, dataset.ann_file))
    videos = [v for v in ann['videos'] if pattern in v['name']]
    if not videos:
        raise ValueError(f'no video of {dataset.ann_file} has {pattern!r} '
                         f'in its name ({[v["name"] for v in ann["videos"]]})')
    ids = {v['id'] for v in videos}
    images = [i for i in ann['images'] if i['video_id'] in ids]
    image_ids = {i['id'] for i in images}
    ann.update(videos=videos, images=images, annotations=[
        a for a in ann['annotations'] if a['image_id'] in image_ids])
    stem = osp.splitext(osp.basename(dataset.ann_file))[0]
    dataset.ann_file = osp.abspath(osp.join(out_dir, f'{stem}_{pattern}.json'))
    mmengine.dump(ann, dataset.ann_file)
    if dataset.get('detection_file'):
        det = mmengine.load(osp.join(root, dataset.detection_file))
        names = {i['file_name'] for i in images}
        det['det_bboxes'] = {k: v for k, v in det['det_bboxes'].items()
                             if k in names}
        dataset.detection_file = osp.abspath(
            osp.join(out_dir, f'{stem}_{pattern}_detections.pkl'))
        mmengine.dump(det, dataset.detection_file)
    return [v['name'] for v in videos]


def settings(grid: Dict[str, list]) -> List[Dict[str, object]]:
    """Every combination of the grid's values, in order."""
    keys = list(grid)
    return [dict(zip(keys, values))
            for values in itertools.product(*grid.values())]


def search(runner: Runner, grid: Dict[str, list]) -> List[dict]:
    """Test every setting of ``grid`` on ``runner``'s model; returns one
    dict per setting: the options and the metrics (prefixes dropped)."""
    model = runner.model.module if hasattr(runner.model, 'module') \
        else runner.model
    rows = []
    todo = settings(grid)
    for n, opts in enumerate(todo):
        for path, value in opts.items():
            set_option(model, path, value)
        print_log(f'setting {n + 1}/{len(todo)}: {opts}', logger='current')
        metrics = runner.test()
        rows.append(dict(options=opts, metrics={
            k.split('/')[-1]: float(v) for k, v in metrics.items()}))
    return rows


def ranked_table(rows: List[dict], metric: str,
                 shown: Sequence[str]) -> str:
    """Markdown table of the settings, best ``metric`` first."""
    rows = sorted(rows, key=lambda r: -r['metrics'].get(metric, -1e9))
    keys = list(rows[0]['options']) if rows else []
    lines = ['| ' + ' | '.join(keys + list(shown)) + ' |',
             '|' + '---|' * (len(keys) + len(shown))]
    for row in rows:
        cells = [str(row['options'][k]) for k in keys]
        cells += [markdown_cell(m, row['metrics'][m]) if m in row['metrics']
                  else '-' for m in shown]
        lines.append('| ' + ' | '.join(cells) + ' |')
    return '\n'.join(lines)
