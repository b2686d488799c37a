"""The Deep Hungarian Net's row/column reading: each row of the matrix is a
sequence, then each column, all rows (columns) of all matrices in one
batch, so the sequential depth is w + h per round instead of h x w."""
import torch
from torch import Tensor, nn

from .birnn import CELLS, reverse_padded


class RowColumnReader(nn.Module):
    """``rounds`` x (a bi-RNN along every row, then one along every column).

    Round ``r > 0`` reads the previous round's features and the entry's
    input features again. Padding (entries past a matrix's own h or w) is
    never read: each row is as long as its matrix's w, each column as its
    h, and padded rows and columns are left out of the batch.

    Args:
        birnn (type): the bi-RNN class (``BiRNN``).
        cell (str): ``'GRU'`` or ``'LSTM'``.
        in_size (int): input features per entry.
        hidden_size (int): hidden units per direction.
        num_layers (int): stacked layers of each bi-RNN.
        rounds (int): row-then-column rounds.
        dropout (float): between stacked layers.
    """

    def __init__(self, birnn: type, cell: str, in_size: int,
                 hidden_size: int, num_layers: int, rounds: int,
                 dropout: float) -> None:
        super().__init__()
        feat = 2 * hidden_size
        self.row_rnns = nn.ModuleList()
        self.col_rnns = nn.ModuleList()
        for r in range(rounds):
            first = in_size if r == 0 else feat + in_size
            self.row_rnns.append(
                birnn(cell, first, hidden_size, num_layers, dropout))
            self.col_rnns.append(
                birnn(cell, feat, hidden_size, num_layers, dropout))
        self.out_size = feat

    def forward(self, feats: Tensor, sizes: Tensor) -> Tensor:
        """[B, H, W, C] input features -> [B, H, W, 2 * hidden]."""
        x = feats
        for r, (row_rnn, col_rnn) in enumerate(
                zip(self.row_rnns, self.col_rnns)):
            if r:
                x = torch.cat([x, feats], dim=-1)
            x = _lines(row_rnn, x, sizes[:, 0], sizes[:, 1])
            x = _lines(col_rnn, x.transpose(1, 2), sizes[:, 1],
                       sizes[:, 0]).transpose(1, 2)
        return x


def _lines(rnn: nn.Module, x: Tensor, count: Tensor,
           length: Tensor) -> Tensor:
    """Run ``rnn`` along dim 2 of ``x`` [B, N, L, C]: the first
    ``count[b]`` lines of matrix b, each ``length[b]`` steps long, in one
    batch; other lines and steps come out as 0."""
    b, n, steps, c = x.shape
    count, length = count.to(x.device), length.to(x.device)
    valid = torch.arange(n, device=x.device)[None] < count[:, None]
    index = valid.reshape(-1).nonzero().flatten()
    lines = x.reshape(b * n, steps, c)[index]
    line_len = length.repeat_interleave(n)[index]
    out = rnn(lines, line_len)
    out = out * (torch.arange(steps, device=x.device)[None]
                 < line_len[:, None]).unsqueeze(-1)
    full = out.new_zeros(b * n, steps, out.shape[-1])
    full = full.index_copy(0, index, out)
    return full.reshape(b, n, steps, -1)


class LineReader(nn.Module):
    """``rounds`` x one RNN reading every line of the matrix at once.

    A line is a row or a column, read forwards and backwards: all of them,
    of all matrices, are one batch of one uni-directional RNN per round, so
    a round is ``max(h, w)`` sequential steps in a single call. Sharing the
    weights between rows and columns and between the two directions
    matches the problem: the assignment of a transposed or re-ordered
    matrix is the transposed or re-ordered assignment. Each entry's
    features are its four readings (row forward/backward, column
    forward/backward); round ``r > 0`` reads them together with the entry's
    inputs. Lines end-padded to the longest are read from their start, so
    their valid steps never see padding.

    Args:
        cell (str): ``'GRU'`` or ``'LSTM'``.
        in_size (int): input features per entry.
        hidden_size (int): hidden units of the RNN.
        rounds (int): reading rounds.
    """

    def __init__(self, cell: str, in_size: int, hidden_size: int,
                 rounds: int) -> None:
        super().__init__()
        rnn = CELLS[cell]
        feat = 4 * hidden_size
        self.rnns = nn.ModuleList(
            rnn(in_size if r == 0 else feat + in_size, hidden_size,
                batch_first=True) for r in range(rounds))
        self.out_size = feat

    def forward(self, feats: Tensor, sizes: Tensor) -> Tensor:
        """[B, H, W, C] input features -> [B, H, W, 4 * hidden]."""
        b, height, width, _ = feats.shape
        sizes = sizes.to(feats.device)
        steps = max(height, width)
        hs, ws = sizes[:, 0], sizes[:, 1]
        row_index = (torch.arange(height, device=feats.device)[None]
                     < hs[:, None]).reshape(-1).nonzero().flatten()
        col_index = (torch.arange(width, device=feats.device)[None]
                     < ws[:, None]).reshape(-1).nonzero().flatten()
        row_len = ws.repeat_interleave(height)[row_index]
        col_len = hs.repeat_interleave(width)[col_index]
        lengths = torch.cat([row_len, col_len])
        n_rows = len(row_index)
        x = feats
        for r, rnn in enumerate(self.rnns):
            if r:
                x = torch.cat([x, feats], dim=-1)
            c = x.shape[-1]
            rows = x.reshape(b * height, width, c)[row_index]
            cols = x.transpose(1, 2).reshape(b * width, height, c)[col_index]
            lines = torch.cat([_pad_steps(rows, steps),
                               _pad_steps(cols, steps)])
            out = rnn(torch.cat([lines, reverse_padded(lines, lengths)]))[0]
            fwd, bwd = out.chunk(2)
            both = torch.cat([fwd, reverse_padded(bwd, lengths)], dim=-1)
            x = torch.cat([
                _scatter_lines(both[:n_rows, :width], row_index, b, height),
                _scatter_lines(both[n_rows:, :height], col_index, b,
                               width).transpose(1, 2)
            ], dim=-1)
        return x


def _pad_steps(lines: Tensor, steps: int) -> Tensor:
    """End-pad [N, L, C] lines with zeros to ``steps`` steps."""
    if lines.shape[1] == steps:
        return lines
    return torch.cat([
        lines,
        lines.new_zeros(lines.shape[0], steps - lines.shape[1],
                        lines.shape[2])
    ], dim=1)


def _scatter_lines(lines: Tensor, index: Tensor, b: int, n: int) -> Tensor:
    """[len(index), L, C] line features -> [b, n, L, C], other lines 0."""
    full = lines.new_zeros(b * n, lines.shape[1], lines.shape[2])
    return full.index_copy(0, index, lines).reshape(b, n, lines.shape[1], -1)
