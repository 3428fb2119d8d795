"""LEAP as a causal language model in PyTorch, under the original LEAP package's parameter names, so
a lightattn LEAP checkpoint (or hand-off folder) loads into it as it is and trains on with PyTorch's
distributed engines. Written from the formulas lightattn implements (docs/leap.md), in matrix form:
each layer forms a masked T x T weight matrix, which is fine for the sequence lengths people train
LEAP at with DDP/FSDP; lightattn's own kernels use the O(T) scan.

Per head (d_h = hidden / heads), with m = 0 for tokens and -10000 for padding:
  seed: l = (c / d_h) Norm(F1).Norm(F2) + m; V_bar = window-softmax(l) V;   out = sigmoid(Q.V_bar / sqrt(d_h)) V_bar
  v2:   l = F.K / sqrt(d_h) + m; w = elu(l) + 1; K_bar, V_bar = sum w (K, V) / (sum w + 1e-5);
        out = sigmoid(Q.K_bar / sqrt(d_h)) V_bar
Norm(u) = (u - mean u) / (std u + 1e-5) with the unbiased std; a window of size W lets position i
read positions i-W+1 ... i. Dropout is applied where lightattn applies it, but PyTorch draws other
masks: runs are equal step for step only with dropout 0.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


def head_norm(u):
    return (u - u.mean(-1, keepdim=True)) / (u.std(-1, keepdim=True) + 1e-5)


def window_mask(T, window, device):
    i = torch.arange(T, device=device)[:, None]
    j = torch.arange(T, device=device)[None, :]
    ok = j <= i
    if window != "global":
        ok = ok & (j > i - window)
    return ok  # (T, T): position i reads j


class MultiheadLeap(nn.Module):
    def __init__(self, n_heads, window, variant, rescale_value, dropout):
        super().__init__()
        self.n_heads, self.window, self.variant, self.c = n_heads, window, variant, rescale_value
        self.drop = nn.Dropout(dropout)

    def forward(self, q, a, b, v, bias):
        B, T, d = q.shape
        H, dh = self.n_heads, d // self.n_heads
        heads = lambda t: t.reshape(B, T, H, dh).permute(0, 2, 1, 3)  # (B, H, T, dh)
        q4, a4, b4, v4 = map(heads, (q, a, b, v))
        ok = window_mask(T, self.window, q.device)
        m = bias[:, None, :]  # (B, 1, T)
        if self.variant == "seed":
            logits = (self.c / dh) * (self.drop(head_norm(a4)) * head_norm(b4)).sum(-1) + m  # (B, H, T)
            scores = logits[:, :, None, :].expand(B, H, T, T).masked_fill(~ok, float("-inf"))
            v_bar = self.drop(torch.softmax(scores, -1) @ v4)
            out = torch.sigmoid((q4 * v_bar).sum(-1, keepdim=True) / math.sqrt(dh)) * v_bar
        else:
            w = F.elu((a4 * b4).sum(-1) / math.sqrt(dh) + m) + 1  # (B, H, T)
            W = w[:, :, None, :].expand(B, H, T, T) * ok
            z = W.sum(-1, keepdim=True) + 1e-5
            k_bar, v_bar = (W @ b4) / z, (W @ v4) / z
            out = torch.sigmoid((q4 * k_bar).sum(-1, keepdim=True) / math.sqrt(dh)) * v_bar
        return out.permute(0, 2, 1, 3).reshape(B, T, d)


class LeapBlock(nn.Module):
    def __init__(self, config, window, gelu):
        super().__init__()
        d, v2 = config["hidden_size"], config.get("variant", "seed") == "v2"
        self.v2, self.gelu = v2, gelu
        self.add_module("attn_norm" if v2 else "pre_norm", nn.LayerNorm(d, eps=1e-5))
        self.projections = nn.Linear(d, 4 * d, bias=False)
        self.leap = MultiheadLeap(config["n_heads"], window, "v2" if v2 else "seed", config.get("rescale_value", 8.0), config.get("hidden_dropout_prob", 0.1))
        self.boom = nn.Linear(d, 4 * d, bias=v2)
        self.unboom = nn.Linear(4 * d, d, bias=v2)
        self.boom_norm = nn.LayerNorm(d, eps=1e-5)
        self.boom_drop = nn.Dropout(config.get("hidden_dropout_prob", 0.1))

    def forward(self, x, bias):
        norm = self.attn_norm if self.v2 else self.pre_norm
        q, a, b, v = self.projections(norm(x)).chunk(4, dim=-1)
        x = x + self.leap(q, a, b, v, bias)
        # The seed normalises twice before the feed-forward, as the original code does.
        ffn_in = self.boom_norm(x) if self.v2 else self.boom_norm(norm(x))
        return x + self.boom_drop(self.unboom(self.gelu(self.boom(ffn_in))))


class LeapDecoder(nn.Module):
    def __init__(self, config, windows, gelu):
        super().__init__()
        self.decoders = nn.ModuleList([LeapBlock(config, w, gelu) for w in windows])
        self.position_embeddings = nn.Embedding(config["n_positions"], config["hidden_size"])
        self.dropout = nn.Dropout(config.get("hidden_dropout_prob", 0.1))


class LeapForCausalLM(nn.Module):
    """`model(input_ids=ids, labels=ids).loss` as transformers' causal LMs: position t predicts token t + 1."""

    def __init__(self, config, windows):
        super().__init__()
        d, vocab = config["hidden_size"], config["vocab_size"]
        # The original package's nn.GELU() is the exact (erf) form; "gelu_new"/"gelu_pytorch_tanh" the tanh one.
        act = config.get("hidden_act", config.get("activation_function", "gelu"))
        gelu = (lambda x: F.gelu(x)) if act == "gelu" else (lambda x: F.gelu(x, approximate="tanh"))
        self.word_embedding = nn.Embedding(vocab, d)
        self.leap_model = LeapDecoder(config, windows, gelu)
        self.last_norm = nn.LayerNorm(d, eps=1e-5)
        self.proj_logits = nn.Linear(d, vocab, bias=bool(config.get("proj_logits_bias", False)))
        self.proj_logits.weight = self.word_embedding.weight  # tied, as the original

    def forward(self, input_ids, labels=None, attention_mask=None):
        B, T = input_ids.shape
        positions = torch.arange(T, device=input_ids.device)
        x = self.leap_model.dropout(self.word_embedding(input_ids) + self.leap_model.position_embeddings(positions))
        bias = torch.zeros(B, T, device=input_ids.device, dtype=x.dtype) if attention_mask is None else (1 - attention_mask.to(x.dtype)) * -10000.0
        for block in self.leap_model.decoders:
            x = block(x, bias)
        logits = self.proj_logits(self.last_norm(x))
        loss = None
        if labels is not None:
            if attention_mask is not None:
                labels = labels.masked_fill(attention_mask == 0, -100)
            loss = F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), labels[:, 1:].reshape(-1), ignore_index=-100)
        return type("Output", (), {"loss": loss, "logits": logits})()
