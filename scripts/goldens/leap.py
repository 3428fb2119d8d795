"""Golden data for @lightattn/leap-attention: LEAP's formulas in PyTorch (float64, CPU).

Run where PyTorch is installed (a GPU machine has it):
    python3 scripts/goldens/leap.py packages/leap-attention/test-data/leap-golden.json

Written from the formulas (issue 6 / docs/leap.md), not from the TypeScript code, and computed in
matrix form (a masked T x T weight matrix), which the TypeScript side never forms:
  seed: l = (c/d_h) Norm(F1).Norm(F2) + m, V = softmax over the window of l, applied to V,
        out = sigmoid(Q.V/sqrt(d_h)) V
  v2:   l = F.K/sqrt(d_h) + m, w = elu(l) + 1, K, V = sum w (K, V) / (sum w + 1e-5),
        out = sigmoid(Q.K/sqrt(d_h)) V
Norm(u) = (u - mean u) / (std u + 1e-5) with the unbiased std; m = -10000 on padding. The seed's
window softmax is torch.softmax of the masked logits, so a window holding only padding is finite
(exact math) where exp(-10000) would underflow to 0/0. No dropout (p = 0).

The loss weights r are 0 at padded positions, as a language-model loss ignores padding: a padded
position whose whole window is padding holds logits near -10000, which f32 resolves only to ~1e-3,
so its output is meaningful only to ~1e-4 (and no unpadded output reads it).

Two kinds of cases:
- "layers": the attention alone on given q, a, b, v [B, T, d]; outputs and d(sum r*out)/d(q, a, b, v).
- "blocks": a whole LeapBlock with the original parameter names (seed: pre_norm, projections, boom,
  unboom, boom_norm, no FFN biases, layer norm applied twice before the FFN as the seed code does;
  v2: attn_norm, biased boom/unboom), GELU in its tanh form (the op set's GELU); outputs and every
  parameter's gradient, and the input's.
"""
import json
import math
import sys

import torch
import torch.nn.functional as F

torch.manual_seed(0)
DT = torch.float64
PAD = -10000.0


def flat(t):
    return t.detach().to(DT).flatten().tolist()


def head_norm(u):
    return (u - u.mean(-1, keepdim=True)) / (u.std(-1, keepdim=True) + 1e-5)


def allowed(T, window):
    i = torch.arange(T)[:, None]
    j = torch.arange(T)[None, :]
    ok = j <= i
    if window != "global":
        ok = ok & (j > i - window)
    return ok  # [T, T]: position i reads j


def leap(q, a, b, v, m, n_heads, window, variant, c):
    B, T, d = q.shape
    dh = d // n_heads
    by_heads = lambda t: t.reshape(B, T, n_heads, dh).permute(0, 2, 1, 3)  # (B, H, T, dh)
    q4, a4, b4, v4 = map(by_heads, (q, a, b, v))
    ok = allowed(T, window)
    bias = m[:, None, :]  # (B, 1, T)
    if variant == "seed":
        logits = (c / dh) * (head_norm(a4) * head_norm(b4)).sum(-1) + bias  # (B, H, T)
        scores = logits[:, :, None, :].expand(B, n_heads, T, T).masked_fill(~ok, float("-inf"))
        v_bar = torch.softmax(scores, -1) @ v4
        gate = torch.sigmoid((q4 * v_bar).sum(-1) / math.sqrt(dh))
        out = gate[..., None] * v_bar
    else:
        logits = (a4 * b4).sum(-1) / math.sqrt(dh) + bias
        w = F.elu(logits) + 1
        W = w[:, :, None, :].expand(B, n_heads, T, T) * ok
        z = W.sum(-1, keepdim=True) + 1e-5
        k_bar = (W @ b4) / z
        v_bar = (W @ v4) / z
        gate = torch.sigmoid((q4 * k_bar).sum(-1) / math.sqrt(dh))
        out = gate[..., None] * v_bar
    return out.permute(0, 2, 1, 3).reshape(B, T, d)


def mask_for(B, T):
    mask = torch.ones(B, T, dtype=DT)
    mask[1, :2] = 0
    mask[1, T - 6 :] = 0
    return mask


def layer_case(seed, variant, window, c=8.0, B=2, T=37, d=16, n_heads=4):
    g = torch.Generator().manual_seed(seed)
    q, a, b, v = [torch.randn(B, T, d, generator=g, dtype=DT).requires_grad_(True) for _ in range(4)]
    mask = mask_for(B, T)
    r = torch.randn(B, T, d, generator=g, dtype=DT) * mask[..., None]
    out = leap(q, a, b, v, (1 - mask) * PAD, n_heads, window, variant, c)
    (out * r).sum().backward()
    return {
        "variant": variant, "window": window, "rescale_value": c, "B": B, "T": T, "d": d, "n_heads": n_heads,
        "q": flat(q), "a": flat(a), "b": flat(b), "v": flat(v), "mask": flat(mask), "r": flat(r),
        "out": flat(out), "grads": {"q": flat(q.grad), "a": flat(a.grad), "b": flat(b.grad), "v": flat(v.grad)},
    }


def block_case(variant, window, B=2, T=29, d=16, n_heads=4, c=8.0):
    g = torch.Generator().manual_seed(7 if variant == "seed" else 8)
    norm = "pre_norm" if variant == "seed" else "attn_norm"
    shapes = {f"{norm}.weight": [d], f"{norm}.bias": [d], "projections.weight": [4 * d, d], "boom.weight": [4 * d, d]}
    if variant == "v2":
        shapes["boom.bias"] = [4 * d]
    shapes["unboom.weight"] = [d, 4 * d]
    if variant == "v2":
        shapes["unboom.bias"] = [d]
    shapes["boom_norm.weight"] = [d]
    shapes["boom_norm.bias"] = [d]
    params = {}
    for name, shape in shapes.items():
        base = torch.ones(shape, dtype=DT) if name.endswith("norm.weight") else torch.zeros(shape, dtype=DT)
        scale = 0.3 if name.endswith(".weight") and "norm" not in name else 0.1
        params[name] = (base + scale * torch.randn(shape, generator=g, dtype=DT)).requires_grad_(True)
    x = torch.randn(B, T, d, generator=g, dtype=DT).requires_grad_(True)
    mask = mask_for(B, T)
    r = torch.randn(B, T, d, generator=g, dtype=DT) * mask[..., None]
    ln = lambda t, p: F.layer_norm(t, (d,), params[f"{p}.weight"], params[f"{p}.bias"], 1e-5)
    h = ln(x, norm)
    q, f1, f2, v = F.linear(h, params["projections.weight"]).chunk(4, dim=-1)
    x1 = x + leap(q, f1, f2, v, (1 - mask) * PAD, n_heads, window, variant, c)
    ffn_in = ln(ln(x1, norm), "boom_norm") if variant == "seed" else ln(x1, "boom_norm")
    hidden = F.gelu(F.linear(ffn_in, params["boom.weight"], params.get("boom.bias")), approximate="tanh")
    out = x1 + F.linear(hidden, params["unboom.weight"], params.get("unboom.bias"))
    (out * r).sum().backward()
    return {
        "variant": variant, "window": window, "rescale_value": c, "B": B, "T": T, "d": d, "n_heads": n_heads,
        "state_dict": {k: {"shape": list(p.shape), "data": flat(p)} for k, p in params.items()},
        "x": flat(x), "mask": flat(mask), "r": flat(r), "out": flat(out),
        "grads": {k: flat(p.grad) for k, p in params.items()}, "grad_x": flat(x.grad),
    }


out = {
    "generator": "scripts/goldens/leap.py",
    "torch": torch.__version__,
    "layers": [
        layer_case(1, "seed", "global"), layer_case(2, "seed", 4), layer_case(3, "seed", 5, c=3.0),
        layer_case(4, "v2", "global"), layer_case(5, "v2", 4), layer_case(6, "v2", 16),
    ],
    "blocks": [block_case("seed", 4), block_case("v2", "global")],
}
with open(sys.argv[1], "w") as f:
    json.dump(out, f)
print(f"wrote {sys.argv[1]}")
