"""Deep Hungarian Net: a recurrent network that imitates the Hungarian
algorithm on a distance matrix and outputs a differentiable soft assignment.

Orientation used throughout mmdeepmot: rows are predicted tracks (h), columns
are ground-truth objects (w), as in the official DeepMOT code.
"""
from typing import List, Optional, Sequence, Union

import torch
from torch import Tensor, nn

from .birnn import CELLS as _CELLS
from .birnn import BiRNN
from .flat_reading import read_flattened
from .rowcol import LineReader, RowColumnReader

_VARIANTS = ('sequential', 'parallel', 'rowcol', 'lines')
_FEATURES = ('dist', 'row_gap', 'col_gap')

MatrixBatch = Union[Tensor, Sequence[Tensor]]


def _check_finite(dist: Tensor, name: str) -> None:
    """One NaN or inf would spread through the recurrences to every output
    of the batch: refuse it, naming where it is."""
    if not isinstance(dist, Tensor):
        raise TypeError(f'{name} must be a torch.Tensor, got '
                        f'{type(dist).__name__}')
    bad = ~torch.isfinite(dist.detach())
    if bad.any():
        where = bad.nonzero()[0].tolist()
        raise ValueError(f'{name} holds {dist[tuple(where)].item()} at '
                         f'{where}: distances must be finite')


class DeepHungarianNet(nn.Module):
    """Soft assignment of an h x w distance matrix by two bi-directional RNNs.

    ``sequential`` (the paper's default): the matrix is flattened row by row
    and read by the first RNN; its features are re-ordered column by column
    and read by the second RNN. ``parallel``: both RNNs read the raw distances
    (one row-wise, one column-wise) and their features are concatenated.
    ``rowcol``: each row is a sequence of its own, then each column
    (``RowColumnReader``, ``rounds`` times), all rows of all matrices in one
    batch: h + w sequential steps instead of h x w. ``lines``: every row
    and column, forwards and backwards, of all matrices is one batch of a
    single uni-directional RNN per round (``LineReader``, weights shared
    between rows, columns and directions): ``max(h, w)`` steps per round in
    one call.
    A linear head (no activations, as in the official code, unless
    ``head_act`` is set) and a sigmoid give one value in [0, 1] per entry.

    Args:
        hidden_size: hidden units per direction of each RNN.
        num_layers: stacked layers of each RNN (``lines``: one per round,
            must be 1).
        cell: ``'GRU'`` or ``'LSTM'``.
        variant: ``'sequential'``, ``'parallel'``, ``'rowcol'`` or
            ``'lines'``.
        rounds: reading rounds of ``rowcol`` and ``lines``.
        head_dims: widths of the hidden linear layers of the head.
        head_act: optional activation between head layers (``'ReLU'``).
        dropout: dropout between stacked RNN layers.
        gate_bias: value of the first gate's biases at initialisation.
        input_features: what the RNNs read per entry. ``('dist',)`` is the
            paper's; ``'row_gap'`` / ``'col_gap'`` add ``D_ij - min_k D_ik``
            / ``D_ij - min_k D_kj``, the local competition the Hungarian
            method resolves, which a sequence model otherwise has to carry
            across hundreds of steps.
        max_call_entries: a list of matrices is read in calls of at most
            this many padded entries (matrices sorted by size, so that each
            call pads little; one larger matrix is a call of its own), or
            in one call (``None``). ``'auto'``: 20000 for ``rowcol`` and
            ``lines``, whose saved activations outgrow the CPU caches past
            a few thousand lines per call (a call of 32 50 x 50 matrices
            cost twice as much per matrix as 8 at a time); one call for the
            flattened variants, whose cost is their number of steps, which
            a bigger batch shares.
    """

    def __init__(self,
                 hidden_size: int = 256,
                 num_layers: int = 2,
                 cell: str = 'GRU',
                 variant: str = 'sequential',
                 head_dims: Sequence[int] = (256, 64),
                 head_act: Optional[str] = None,
                 dropout: float = 0.0,
                 gate_bias: float = -1.0,
                 input_features: Sequence[str] = ('dist', ),
                 rounds: int = 1,
                 max_call_entries: Union[int, str, None] = 'auto') -> None:
        super().__init__()
        if cell not in _CELLS:
            raise ValueError(f'cell must be one of {list(_CELLS)}, got {cell}')
        if variant not in _VARIANTS:
            raise ValueError(
                f'variant must be one of {_VARIANTS}, got {variant}')
        self.hidden_size = hidden_size
        self.variant = variant
        self.cell = cell
        self.gate_bias = gate_bias
        unknown = set(input_features) - set(_FEATURES)
        if unknown or not input_features:
            raise ValueError(f'input_features must be a non-empty subset of '
                             f'{_FEATURES}, got {input_features}')
        self.input_features = tuple(input_features)
        if max_call_entries == 'auto':
            max_call_entries = 20000 if variant in ('rowcol', 'lines') \
                else None
        if max_call_entries is not None and (
                not isinstance(max_call_entries, int)
                or max_call_entries < 1):
            raise ValueError(f"max_call_entries must be 'auto', None or an "
                             f'int >= 1, got {max_call_entries!r}')
        self.max_call_entries = max_call_entries
        in_size = len(self.input_features)
        feat = 2 * hidden_size
        if variant == 'rowcol':
            self.reader = RowColumnReader(BiRNN, cell, in_size, hidden_size,
                                          num_layers, rounds, dropout)
        elif variant == 'lines':
            if num_layers != 1:
                raise ValueError('variant lines reads in rounds of one layer '
                                 f'each: num_layers must be 1, got '
                                 f'{num_layers} (use rounds)')
            self.reader = LineReader(cell, in_size, hidden_size, rounds)
            feat = self.reader.out_size
        else:
            col_in = feat if variant == 'sequential' else in_size
            self.row_rnn = BiRNN(cell, in_size, hidden_size, num_layers,
                                 dropout)
            self.col_rnn = BiRNN(cell, col_in, hidden_size, num_layers,
                                 dropout)
        head_in = 2 * feat if variant == 'parallel' else feat
        layers: List[nn.Module] = []
        for width in head_dims:
            layers.append(nn.Linear(head_in, width))
            if head_act is not None:
                layers.append(getattr(nn, head_act)())
            head_in = width
        layers.append(nn.Linear(head_in, 1))
        self.head = nn.Sequential(*layers)
        self._init_rnns()

    def _init_rnns(self) -> None:
        """Orthogonal weights, first gate's biases at ``gate_bias``."""
        for rnn in [m for m in self.modules() if isinstance(m, nn.RNNBase)]:
            for full_name, param in rnn.named_parameters():
                name = full_name.rsplit('.', 1)[-1]
                if name.startswith('weight'):
                    nn.init.orthogonal_(param)
                elif name.startswith('bias'):
                    nn.init.zeros_(param)
                    param.data[:self.hidden_size].fill_(self.gate_bias)

    # ------------------------------------------------------------------ API
    def forward(self,
                dist: MatrixBatch,
                sizes: Optional[Tensor] = None) -> MatrixBatch:
        """Soft assignment for one matrix, a batch, or a list of matrices.

        Args:
            dist: ``[h, w]``, ``[B, h, w]`` (all the same size, or padded
                with ``sizes``), or a list of ``[h_i, w_i]`` tensors.
            sizes: ``[B, 2]`` true (h, w) of each padded matrix in ``dist``.

        Returns:
            The same structure as ``dist``, values in [0, 1]; padding is 0.
        """
        if isinstance(dist, (list, tuple)):
            for i, mat in enumerate(dist):
                _check_finite(mat, f'distance matrix {i}')
            return self._forward_list(dist)
        _check_finite(dist, 'distance matrix')
        if dist.dim() == 2:
            return self.forward(dist[None])[0]
        if dist.dim() != 3:
            raise ValueError('expected a [h, w] or [B, h, w] distance matrix, '
                             f'got shape {tuple(dist.shape)}')
        if sizes is None:
            b, h, w = dist.shape
            sizes = dist.new_tensor([[h, w]] * b, dtype=torch.long)
        return self._forward_padded(dist, sizes)

    def _forward_list(self, mats: Sequence[Tensor]) -> List[Tensor]:
        for mat in mats:
            if mat.dim() != 2:
                raise ValueError('each matrix must be [h, w], got shape '
                                 f'{tuple(mat.shape)}')
        outs: List[Optional[Tensor]] = [None] * len(mats)
        for chunk in self._call_chunks(mats):
            part = [mats[i] for i in chunk]
            h = max(m.shape[0] for m in part)
            w = max(m.shape[1] for m in part)
            padded = part[0].new_zeros(len(part), h, w)
            for i, mat in enumerate(part):
                padded[i, :mat.shape[0], :mat.shape[1]] = mat
            sizes = torch.tensor([list(m.shape) for m in part],
                                 dtype=torch.long)
            out = self._forward_padded(padded, sizes)
            for i, mat, o in zip(chunk, part, out):
                outs[i] = o[:mat.shape[0], :mat.shape[1]]
        return outs

    def _call_chunks(self, mats: Sequence[Tensor]) -> List[List[int]]:
        """Indices of ``mats`` per call: all at once, or sorted by size in
        calls of at most ``max_call_entries`` padded entries."""
        if not mats:
            return []
        if self.max_call_entries is None:
            return [list(range(len(mats)))]
        order = sorted(range(len(mats)),
                       key=lambda i: tuple(mats[i].shape), reverse=True)
        chunks: List[List[int]] = []
        h = w = 0
        for i in order:
            mh, mw = mats[i].shape
            nh, nw = max(h, mh), max(w, mw)
            if chunks and (len(chunks[-1]) + 1) * nh * nw \
                    <= self.max_call_entries:
                chunks[-1].append(i)
                h, w = nh, nw
            else:
                chunks.append([i])
                h, w = mh, mw
        return chunks

    # ------------------------------------------------------------- internals
    def _features(self, dist: Tensor, sizes: Tensor) -> Tensor:
        """Per-entry input features [B, H, W, C]; padding never wins a min."""
        if self.input_features == ('dist', ):
            return dist.unsqueeze(-1)
        b, height, width = dist.shape
        rows = torch.arange(height, device=dist.device)[None, :, None]
        cols = torch.arange(width, device=dist.device)[None, None, :]
        valid = (rows < sizes[:, 0, None, None].to(dist.device)) & (
            cols < sizes[:, 1, None, None].to(dist.device))
        big = dist.masked_fill(~valid, float('inf'))
        out = []
        for name in self.input_features:
            if name == 'dist':
                out.append(dist)
            elif name == 'row_gap':
                out.append(dist - big.min(dim=2, keepdim=True).values)
            else:
                out.append(dist - big.min(dim=1, keepdim=True).values)
        return torch.stack(out, dim=-1).masked_fill(~valid[..., None], 0.0)

    def _read(self, dist: Tensor, sizes: Tensor) -> Tensor:
        """[B, H, W] (no empty matrix) -> [B, H, W] soft assignment."""
        feats = self._features(dist, sizes)
        if self.variant in ('rowcol', 'lines'):
            feats = self.reader(feats, sizes)
        else:
            feats = read_flattened(self.row_rnn, self.col_rnn,
                                   self.variant == 'sequential', feats, sizes)
        prob = torch.sigmoid(self.head(feats).squeeze(-1))
        rows = torch.arange(dist.shape[1], device=dist.device)[None, :, None]
        cols = torch.arange(dist.shape[2], device=dist.device)[None, None]
        inside = (rows < sizes[:, 0, None, None].to(dist.device)) & (
            cols < sizes[:, 1, None, None].to(dist.device))
        return prob * inside

    def _forward_padded(self, dist: Tensor, sizes: Tensor) -> Tensor:
        keep = [i for i, (h, w) in enumerate(sizes.tolist()) if h * w > 0]
        if len(keep) == dist.shape[0]:
            return self._read(dist, sizes)
        out = dist.new_zeros(dist.shape)
        if not keep:
            return out
        b_keep = torch.tensor(keep, device=dist.device)
        return out.index_copy(0, b_keep, self._read(dist[b_keep],
                                                    sizes[keep]))
