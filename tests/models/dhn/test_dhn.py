"""DeepHungarianNet: shapes, empty inputs, padding, gradients."""
import pytest
import torch

from mmdeepmot.models.dhn import DeepHungarianNet


def small(**kwargs):
    torch.manual_seed(0)
    return DeepHungarianNet(hidden_size=16, head_dims=(8, ), **kwargs).eval()


@pytest.mark.parametrize('shape', [(1, 1), (3, 5), (6, 2)])
def test_single_matrix_shape_and_range(shape):
    out = small()(torch.rand(*shape))
    assert out.shape == shape
    assert ((out >= 0) & (out <= 1)).all()


def test_batch_and_list_shapes():
    net = small()
    assert net(torch.rand(4, 3, 5)).shape == (4, 3, 5)
    outs = net([torch.rand(2, 3), torch.rand(4, 1)])
    assert [o.shape for o in outs] == [(2, 3), (4, 1)]
    assert net([]) == []


# each variant, as the tests below build it
VARIANTS = dict(sequential=dict(), rowcol=dict(variant='rowcol', rounds=2),
                lines=dict(variant='lines', rounds=2, num_layers=1))


@pytest.mark.parametrize('variant', sorted(VARIANTS))
@pytest.mark.parametrize('shape', [(0, 4), (3, 0), (0, 0)])
def test_empty_matrices(shape, variant):
    net = small(**VARIANTS[variant])
    assert net(torch.rand(*shape)).shape == shape
    outs = net([torch.rand(*shape), torch.rand(2, 2)])
    assert outs[0].shape == shape and outs[1].shape == (2, 2)


@pytest.mark.parametrize('cell', ['GRU', 'LSTM'])
@pytest.mark.parametrize('variant',
                         ['sequential', 'parallel', 'rowcol', 'lines'])
def test_padded_batch_equals_one_by_one(cell, variant):
    net = small(cell=cell, variant=variant,
                input_features=('dist', 'row_gap', 'col_gap'), rounds=2,
                num_layers=1 if variant == 'lines' else 2)
    mats = [torch.rand(3, 5), torch.rand(6, 2), torch.rand(1, 1),
            torch.rand(0, 3), torch.rand(6, 5)]
    with torch.no_grad():
        batched = net(mats)
        single = [net(m) for m in mats]
    for b, s in zip(batched, single):
        assert torch.allclose(b, s, atol=1e-5)


@pytest.mark.parametrize('variant', sorted(VARIANTS))
def test_padded_tensor_with_sizes_zeroes_padding(variant):
    net = small(**VARIANTS[variant])
    padded = torch.rand(2, 4, 4)
    sizes = torch.tensor([[2, 3], [4, 4]])
    out = net(padded, sizes)
    assert (out[0, 2:] == 0).all() and (out[0, :, 3:] == 0).all()
    assert torch.allclose(out[0, :2, :3], net(padded[0, :2, :3]), atol=1e-5)


def test_gradients_reach_distances():
    net = small()
    dist = torch.rand(4, 3, requires_grad=True)
    net(dist).sum().backward()
    assert dist.grad is not None
    assert torch.isfinite(dist.grad).all() and dist.grad.abs().sum() > 0


def test_bad_arguments_are_rejected():
    with pytest.raises(ValueError, match='cell'):
        DeepHungarianNet(cell='RNN')
    with pytest.raises(ValueError, match='variant'):
        DeepHungarianNet(variant='diagonal')
    with pytest.raises(ValueError, match='distance matrix'):
        small()(torch.rand(2, 2, 2, 2))


def test_official_init():
    net = DeepHungarianNet(hidden_size=4, num_layers=1)
    rnn = net.row_rnn.forward_rnns[0]
    assert (rnn.bias_ih_l0[:4] == -1).all() and (rnn.bias_ih_l0[4:] == 0).all()
    w = rnn.weight_hh_l0  # [3 * 4, 4]: orthonormal columns
    assert torch.allclose(w.t() @ w, torch.eye(4), atol=1e-5)


def test_rowcol_reads_rows_then_columns():
    net = small(**VARIANTS['rowcol'])
    assert not hasattr(net, 'row_rnn')
    assert len(net.reader.row_rnns) == len(net.reader.col_rnns) == 2
    # the output depends on the whole matrix (through rows and columns)
    dist = torch.rand(4, 5, requires_grad=True)
    net(dist)[0, 0].backward()
    assert (dist.grad[1:, 1:].abs() > 0).any()


def test_lines_read_each_line_once_per_round():
    one = small(variant='lines', rounds=1, num_layers=1)
    assert len(one.reader.rnns) == 1
    # one round: an entry sees its own row and column, nothing else
    dist = torch.rand(4, 5, requires_grad=True)
    one(dist)[0, 0].backward()
    assert (dist.grad[0].abs() > 0).all() and (dist.grad[:, 0].abs() > 0).all()
    assert (dist.grad[1:, 1:] == 0).all()
    # two rounds: the whole matrix
    two = small(**VARIANTS['lines'])
    dist = torch.rand(4, 5, requires_grad=True)
    two(dist)[0, 0].backward()
    assert (dist.grad[1:, 1:].abs() > 0).all()
    with pytest.raises(ValueError, match='num_layers must be 1'):
        DeepHungarianNet(variant='lines', num_layers=2)


@pytest.mark.parametrize('variant', ['sequential', 'lines'])
def test_lists_read_in_chunks_equal_one_call(variant):
    whole = small(variant=variant, num_layers=1, max_call_entries=None,
                  input_features=('dist', 'row_gap', 'col_gap'), rounds=2)
    chunked = small(variant=variant, num_layers=1, max_call_entries=30,
                    input_features=('dist', 'row_gap', 'col_gap'), rounds=2)
    mats = [torch.rand(3, 5), torch.rand(6, 2), torch.rand(1, 1),
            torch.rand(0, 3), torch.rand(7, 6), torch.rand(2, 2)]
    chunks = chunked._call_chunks(mats)
    assert sorted(i for c in chunks for i in c) == list(range(len(mats)))
    assert len(chunks) > 1
    for c in chunks:  # within the budget, or one matrix alone
        h = max(mats[i].shape[0] for i in c)
        w = max(mats[i].shape[1] for i in c)
        assert len(c) == 1 or len(c) * h * w <= 30
    with torch.no_grad():
        for a, b in zip(whole(mats), chunked(mats)):
            assert a.shape == b.shape and torch.allclose(a, b, atol=1e-5)
    with pytest.raises(ValueError, match='max_call_entries'):
        DeepHungarianNet(max_call_entries=0)
    # 'auto': chunks for the line readers, one call for the flattened ones
    assert small(variant='lines', num_layers=1).max_call_entries == 20000
    assert small(variant='sequential').max_call_entries is None
