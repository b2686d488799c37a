"""Reading the constants and nodes of a frozen TensorFlow 1 GraphDef.

A frozen graph (``frozen_inference_graph.pb``) is one protocol-buffer
message; its weights are ``Const`` nodes. This reader decodes the few
message types it needs straight from the wire format, so converting such
weights needs neither TensorFlow nor the ``protobuf`` package. Field
numbers follow TensorFlow's ``graph.proto``, ``node_def.proto``,
``attr_value.proto``, ``tensor.proto`` and ``tensor_shape.proto``.
"""
import struct
from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Tuple

import numpy as np

# TensorFlow's DataType enum values this reader turns into arrays
_DTYPES = {1: np.float32, 2: np.float64, 3: np.int32, 9: np.int64}


@dataclass
class GraphNode:
    """One node of a GraphDef.

    Args:
        name (str): the node's name.
        op (str): its operation (``Const``, ``Conv2D``, ...).
        inputs (list[str]): the names of its inputs (``^`` marks a control
            input; ``:k`` the k-th output of a node).
        attrs (dict): the attributes this reader decodes: strings, ints,
            floats, int lists and (for ``value``) the constant's array.
    """
    name: str
    op: str
    inputs: List[str] = field(default_factory=list)
    attrs: Dict[str, object] = field(default_factory=dict)


def _varint(buf: bytes, pos: int) -> Tuple[int, int]:
    result = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7


def _fields(buf: bytes) -> Iterator[Tuple[int, int, object]]:
    """``(field number, wire type, value)`` of one message's fields."""
    pos, end = 0, len(buf)
    while pos < end:
        key, pos = _varint(buf, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(buf, pos)
        elif wire == 1:
            value, pos = buf[pos:pos + 8], pos + 8
        elif wire == 2:
            size, pos = _varint(buf, pos)
            value, pos = buf[pos:pos + size], pos + size
        elif wire == 5:
            value, pos = buf[pos:pos + 4], pos + 4
        else:
            raise ValueError(f'unsupported protobuf wire type {wire} '
                             f'(field {number}) at byte {pos}')
        if pos > end:
            raise ValueError('truncated protobuf message')
        yield number, wire, value


def _shape(buf: bytes) -> Tuple[int, ...]:
    dims = []
    for number, _, value in _fields(buf):
        if number == 2:  # TensorShapeProto.dim
            size = 0
            for n, _, v in _fields(value):
                if n == 1:
                    size = v
            dims.append(size)
    return tuple(dims)


def _signed(value: int) -> int:
    # negative int32/int64 values travel as 64-bit two's complement varints
    return value - (1 << 64) if value >= 1 << 63 else value


def _tensor(buf: bytes) -> Optional[np.ndarray]:
    dtype, shape, content, floats, ints = None, (), None, [], []
    for number, wire, value in _fields(buf):
        if number == 1:
            dtype = value
        elif number == 2:
            shape = _shape(value)
        elif number == 4:
            content = value
        elif number == 5:  # float_val, packed or not
            floats += (list(struct.unpack(f'<{len(value) // 4}f', value))
                       if wire == 2 else list(struct.unpack('<f', value)))
        elif number == 7:  # int_val
            ints += ([_signed(v) for v in _packed_varints(value)]
                     if wire == 2 else [_signed(value)])
    if dtype not in _DTYPES:
        return None  # strings, bools, ...: no weight is stored that way
    np_dtype = _DTYPES[dtype]
    count = int(np.prod(shape)) if shape else 1
    if content is not None:
        array = np.frombuffer(content, dtype=np.dtype(np_dtype).newbyteorder(
            '<')).astype(np_dtype)
    else:
        values = floats if floats else ints
        # TensorFlow stores a constant filled with one value as that value
        array = np.full(count, values[-1] if values else 0, dtype=np_dtype) \
            if len(values) < count else np.asarray(values, dtype=np_dtype)
    return array.reshape(shape)


def _packed_varints(buf: bytes) -> Iterator[int]:
    pos = 0
    while pos < len(buf):
        value, pos = _varint(buf, pos)
        yield value


def _attr(buf: bytes) -> object:
    for number, wire, value in _fields(buf):
        if number == 2:
            return bytes(value).decode('utf-8', 'replace')
        if number == 3:
            return _signed(value)
        if number == 4:
            return struct.unpack('<f', value)[0]
        if number == 5:
            return bool(value)
        if number == 6:
            return value
        if number == 8:
            return _tensor(value)
        if number == 1:  # ListValue: ints (field 3) are what convs need
            ints = []
            for n, w, v in _fields(value):
                if n == 3:
                    ints += [_signed(i) for i in _packed_varints(v)] \
                        if w == 2 else [_signed(v)]
            return ints
    return None


def _node(buf: bytes) -> GraphNode:
    node = GraphNode(name='', op='')
    for number, _, value in _fields(buf):
        if number == 1:
            node.name = bytes(value).decode()
        elif number == 2:
            node.op = bytes(value).decode()
        elif number == 3:
            node.inputs.append(bytes(value).decode())
        elif number == 5:
            key, attr = '', None
            for n, _, v in _fields(value):
                if n == 1:
                    key = bytes(v).decode()
                elif n == 2:
                    attr = v
            node.attrs[key] = _attr(attr) if attr is not None else None
    return node


def read_graph_def(path: str) -> Dict[str, GraphNode]:
    """The nodes of a frozen GraphDef file, by name, in the file's order.

    Args:
        path (str): a binary ``GraphDef`` (``.pb``) file.

    Returns:
        dict[str, GraphNode]: every node; a ``Const`` node's array is its
        ``attrs['value']``.
    """
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError as err:
        raise FileNotFoundError(f'{path}: cannot read the TensorFlow graph '
                                f'({err.strerror})') from err
    nodes: Dict[str, GraphNode] = {}
    try:
        for number, wire, value in _fields(data):
            if number == 1 and wire == 2:  # GraphDef.node
                node = _node(value)
                nodes[node.name] = node
    except (ValueError, IndexError, struct.error) as err:
        raise ValueError(f'{path}: not a readable TensorFlow GraphDef '
                         f'({err})') from err
    if not nodes:
        raise ValueError(f'{path}: no graph nodes found (not a GraphDef?)')
    return nodes


def graph_constants(nodes: Dict[str, GraphNode]) -> Dict[str, np.ndarray]:
    """The arrays of a graph's ``Const`` nodes, by node name."""
    return {
        name: node.attrs['value']
        for name, node in nodes.items()
        if node.op == 'Const' and isinstance(node.attrs.get('value'),
                                             np.ndarray)
    }
