"""GPT-2 in plain PyTorch under Hugging Face's parameter names, for continue_training.py where
transformers is not installed. Same function as transformers' GPT2LMHeadModel for the configs
lightattn writes: Conv1D weights stored [in, out], causal attention scaled by 1/sqrt(d_h), GELU in
the config's form ("gelu_new" is the tanh form, "gelu" the exact one), the head tied to wte, and
`model(input_ids=ids, labels=ids).loss` the mean loss of position t predicting token t + 1.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class Conv1D(nn.Module):
    """y = x W + b with W [in, out], as GPT-2's checkpoints store their projections."""

    def __init__(self, n_in, n_out):
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(n_in, n_out))
        self.bias = nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        return torch.addmm(self.bias, x.reshape(-1, x.shape[-1]), self.weight).reshape(*x.shape[:-1], -1)


class Attention(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["n_embd"]
        self.n_head = c["n_head"]
        self.c_attn = Conv1D(d, 3 * d)
        self.c_proj = Conv1D(d, d)
        self.attn_dropout = nn.Dropout(c.get("attn_pdrop", 0.1))
        self.resid_dropout = nn.Dropout(c.get("resid_pdrop", 0.1))

    def forward(self, x):
        B, T, d = x.shape
        q, k, v = self.c_attn(x).split(d, dim=-1)
        heads = lambda t: t.reshape(B, T, self.n_head, d // self.n_head).transpose(1, 2)  # (B, H, T, dh)
        q, k, v = heads(q), heads(k), heads(v)
        scores = (q @ k.transpose(-1, -2)) / math.sqrt(d // self.n_head)
        causal = torch.ones(T, T, dtype=torch.bool, device=x.device).tril()
        p = self.attn_dropout(torch.softmax(scores.masked_fill(~causal, float("-inf")), -1))
        return self.resid_dropout(self.c_proj((p @ v).transpose(1, 2).reshape(B, T, d)))


class MLP(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["n_embd"]
        inner = c.get("n_inner") or 4 * d
        self.c_fc = Conv1D(d, inner)
        self.c_proj = Conv1D(inner, d)
        self.dropout = nn.Dropout(c.get("resid_pdrop", 0.1))
        exact = c.get("activation_function", "gelu_new") == "gelu"
        self.act = (lambda x: F.gelu(x)) if exact else (lambda x: F.gelu(x, approximate="tanh"))

    def forward(self, x):
        return self.dropout(self.c_proj(self.act(self.c_fc(x))))


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        eps = c.get("layer_norm_epsilon", 1e-5)
        self.ln_1 = nn.LayerNorm(c["n_embd"], eps=eps)
        self.attn = Attention(c)
        self.ln_2 = nn.LayerNorm(c["n_embd"], eps=eps)
        self.mlp = MLP(c)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        return x + self.mlp(self.ln_2(x))


class Transformer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.wte = nn.Embedding(c["vocab_size"], c["n_embd"])
        self.wpe = nn.Embedding(c["n_positions"], c["n_embd"])
        self.drop = nn.Dropout(c.get("embd_pdrop", 0.1))
        self.h = nn.ModuleList([Block(c) for _ in range(c["n_layer"])])
        self.ln_f = nn.LayerNorm(c["n_embd"], eps=c.get("layer_norm_epsilon", 1e-5))


class GPT2LMHeadModel(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.transformer = Transformer(config)
        self.lm_head = nn.Linear(config["n_embd"], config["vocab_size"], bias=False)
        self.lm_head.weight = self.transformer.wte.weight  # tied, as GPT-2

    def forward(self, input_ids, labels=None):
        t = self.transformer
        T = input_ids.shape[1]
        x = t.drop(t.wte(input_ids) + t.wpe(torch.arange(T, device=input_ids.device)))
        for block in t.h:
            x = block(x)
        logits = self.lm_head(t.ln_f(x))
        loss = None
        if labels is not None:
            loss = F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), labels[:, 1:].reshape(-1), ignore_index=-100)
        return type("Output", (), {"loss": loss, "logits": logits})()
