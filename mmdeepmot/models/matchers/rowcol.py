"""The Deep Hungarian Net's row/column reading: each row of the matrix is a
sequence, then each column, all rows (columns) of all matrices in one
batch, so the sequential depth is w + h per round instead of h x w."""
import torch
from torch import Tensor, nn


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
