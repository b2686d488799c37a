"""The paper's reading of a distance matrix: its entries flattened into one
sequence row by row, then column by column (``sequential``: the column
reading takes the row reading's features; ``parallel``: both read the
inputs, side by side). A matrix of h x w entries is 2 h x w recurrent
steps."""
from typing import Tuple

import torch
from torch import Tensor, nn


def flat_orders(sizes: Tensor, width: int, pad_slot: int,
                device: torch.device) -> Tuple[Tensor, Tensor, Tensor]:
    """Index tables for the compact row-major and column-major sequences.

    Returns ``row_pos`` [B, L] (padded-matrix position of the t-th entry
    in row-major order), ``col_pos`` [B, L] (same for column-major) and
    ``col_to_row`` [B, L] (row-major index of the t-th column-major
    entry). Entries past a matrix's own length point at ``pad_slot`` in
    the positions and at 0 in ``col_to_row``.
    """
    hs, ws = sizes[:, 0].tolist(), sizes[:, 1].tolist()
    length = max(h * w for h, w in zip(hs, ws))
    row_pos = torch.full((len(hs), length), pad_slot, dtype=torch.long)
    col_pos = torch.full_like(row_pos, pad_slot)
    col_to_row = torch.zeros_like(row_pos)
    for b, (h, w) in enumerate(zip(hs, ws)):
        ii, jj = torch.meshgrid(
            torch.arange(h), torch.arange(w), indexing='ij')
        row_pos[b, :h * w] = (ii * width + jj).reshape(-1)
        col_pos[b, :h * w] = (ii * width + jj).t().reshape(-1)
        col_to_row[b, :h * w] = (ii * w + jj).t().reshape(-1)
    return row_pos.to(device), col_pos.to(device), col_to_row.to(device)


def read_flattened(row_rnn: nn.Module, col_rnn: nn.Module, sequential: bool,
                   feats: Tensor, sizes: Tensor) -> Tensor:
    """Per-entry features of the flattened reading.

    Args:
        row_rnn (nn.Module): bi-RNN over the row-major sequence
            (``BiRNN``: ``(seq, lengths) -> features``).
        col_rnn (nn.Module): bi-RNN over the column-major sequence.
        sequential (bool): the column reading takes the row reading's
            features (the paper), else the inputs (``parallel``).
        feats (Tensor): [B, H, W, C] input features; no empty matrix.
        sizes (Tensor): [B, 2] true (h, w) of each matrix.

    Returns:
        Tensor: [B, H, W, F]; padding entries are 0.
    """
    b, height, width, n_feat = feats.shape
    lengths = (sizes[:, 0] * sizes[:, 1]).to(feats.device)
    # one extra slot at the end receives every padding entry
    pad_slot = height * width
    row_pos, col_pos, col_to_row = flat_orders(sizes, width, pad_slot,
                                               feats.device)
    flat = feats.reshape(b, -1, n_feat)
    flat = torch.cat([flat, flat.new_zeros(b, 1, n_feat)], dim=1)
    row_seq = flat.gather(1, row_pos.unsqueeze(-1).expand(-1, -1, n_feat))
    row_feat = row_rnn(row_seq, lengths)
    # re-order the row-major features into column-major order
    to_col = col_to_row.unsqueeze(-1).expand(-1, -1, row_feat.shape[-1])
    if sequential:
        col_feat = col_rnn(row_feat.gather(1, to_col), lengths)
    else:
        col_seq = flat.gather(1, col_pos.unsqueeze(-1).expand(-1, -1, n_feat))
        col_feat = torch.cat(
            [row_feat.gather(1, to_col),
             col_rnn(col_seq, lengths)], dim=-1)
    out = col_feat.new_zeros(b, pad_slot + 1, col_feat.shape[-1])
    out = out.scatter(
        1, col_pos.unsqueeze(-1).expand(-1, -1, col_feat.shape[-1]),
        col_feat)[:, :pad_slot]
    return out.reshape(b, height, width, -1)
