"""The GraphDef reader against a graph written by hand in the wire format."""
import struct

import numpy as np
import pytest

from mmdeepmot.utils.tf_graph import graph_constants, read_graph_def


def _varint(value: int) -> bytes:
    value &= (1 << 64) - 1
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _field(number: int, payload) -> bytes:
    if isinstance(payload, int):
        return _varint(number << 3) + _varint(payload)
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _const_node(name: str, array: np.ndarray, packed: bool) -> bytes:
    shape = b''.join(_field(2, _field(1, d)) for d in array.shape)
    tensor = _field(1, 1) + _field(2, shape)
    if packed:
        tensor += _field(4, array.astype('<f4').tobytes())
    else:  # a constant of one repeated value is stored as that value
        tensor += _field(5, struct.pack('<f', float(array.flat[0])))
    attr = _field(1, b'value') + _field(2, _field(8, tensor))
    return _field(1, name.encode()) + _field(2, b'Const') + _field(5, attr)


def _conv_node() -> bytes:
    strides = _field(1, _field(3, b''.join(_varint(v) for v in (1, 2, 2, 1))))
    attrs = (_field(5, _field(1, b'strides') + _field(2, strides)) +
             _field(5, _field(1, b'padding') + _field(2, _field(2, b'SAME')))
             + _field(5, _field(1, b'axis') + _field(2, _field(3, -1))))
    return (_field(1, b'conv') + _field(2, b'Conv2D') + _field(3, b'x') +
            _field(3, b'w/read') + attrs)


def test_reads_nodes_attrs_and_constants(tmp_path):
    w = np.arange(24, dtype=np.float32).reshape(2, 3, 4) / 7
    graph = (_field(1, _const_node('w', w, packed=True)) +
             _field(1, _const_node('ones', np.ones((2, 2)), packed=False)) +
             _field(1, _conv_node()))
    path = tmp_path / 'g.pb'
    path.write_bytes(graph)
    nodes = read_graph_def(str(path))
    assert list(nodes) == ['w', 'ones', 'conv']
    conv = nodes['conv']
    assert conv.inputs == ['x', 'w/read']
    assert conv.attrs == dict(strides=[1, 2, 2, 1], padding='SAME', axis=-1)
    consts = graph_constants(nodes)
    np.testing.assert_array_equal(consts['w'], w)
    np.testing.assert_array_equal(consts['ones'], np.ones((2, 2)))


def test_unreadable_files_are_named(tmp_path):
    with pytest.raises(FileNotFoundError, match='nope.pb'):
        read_graph_def(str(tmp_path / 'nope.pb'))
    bad = tmp_path / 'bad.pb'
    bad.write_bytes(b'\x0a\xff\xff\x7f')  # a node claiming 2 MB, 0 given
    with pytest.raises(ValueError, match='bad.pb'):
        read_graph_def(str(bad))
