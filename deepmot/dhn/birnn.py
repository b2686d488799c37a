"""A stacked bi-directional RNN over end-padded sequences, the reading
unit of the Deep Hungarian Net."""
import torch
from torch import Tensor, nn

CELLS = {'GRU': nn.GRU, 'LSTM': nn.LSTM}


def reverse_padded(seq: Tensor, lengths: Tensor) -> Tensor:
    """Reverse the first ``lengths[b]`` steps of each sequence in [B, L, C]."""
    steps = torch.arange(seq.shape[1], device=seq.device)[None]
    last = lengths.to(seq.device)[:, None] - 1
    idx = torch.where(steps <= last, last - steps, steps)
    return seq.gather(1, idx.unsqueeze(-1).expand_as(seq))


class BiRNN(nn.Module):
    """Stacked bi-directional RNN over end-padded sequences of given lengths.

    Each direction of each layer is its own single-layer RNN, and the
    backward direction reads every sequence reversed within its own length,
    so outputs at valid steps do not depend on padding. This replaces
    ``pack_padded_sequence``, whose backward pass is very slow on CPU.
    """

    def __init__(self, cell: str, input_size: int, hidden_size: int,
                 num_layers: int, dropout: float = 0.0) -> None:
        super().__init__()
        rnn = CELLS[cell]
        self.forward_rnns = nn.ModuleList()
        self.backward_rnns = nn.ModuleList()
        for layer in range(num_layers):
            size = input_size if layer == 0 else 2 * hidden_size
            self.forward_rnns.append(rnn(size, hidden_size, batch_first=True))
            self.backward_rnns.append(rnn(size, hidden_size, batch_first=True))
        self.dropout = nn.Dropout(dropout)
        self.out_size = 2 * hidden_size

    def forward(self, seq: Tensor, lengths: Tensor) -> Tensor:
        """[B, L, C_in] -> [B, L, 2 * hidden]; padded steps hold garbage."""
        uniform = bool((lengths == seq.shape[1]).all())
        x = seq
        for layer, (fwd, bwd) in enumerate(
                zip(self.forward_rnns, self.backward_rnns)):
            if layer:
                x = self.dropout(x)
            if uniform:
                rev = x.flip(1)
                back = bwd(rev)[0].flip(1)
            else:
                back = reverse_padded(bwd(reverse_padded(x, lengths))[0],
                                      lengths)
            x = torch.cat([fwd(x)[0], back], dim=-1)
        return x
