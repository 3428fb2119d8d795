"""Golden data for @lightattn/autograd's AdamW: torch.optim.AdamW on fixed parameters and gradients.

Run where PyTorch is installed (a GPU machine has it; CPU float64 is what is used):
    python3 scripts/goldens/adamw.py packages/autograd/test-data/adamw-golden.json

Gradients are given explicitly (not computed) so the TypeScript side replays exactly the same
sequence. Two parameter groups with different learning rates and weight decays; 6 steps.
"""
import json
import sys

import torch

torch.manual_seed(0)
steps = 6
groups_spec = [
    {"lr": 1e-2, "weight_decay": 0.1, "shapes": [[3, 4], [4]]},
    {"lr": 3e-3, "weight_decay": 0.0, "shapes": [[5]]},
]
betas = (0.9, 0.95)
eps = 1e-8


def run(dtype):
    gen = torch.Generator().manual_seed(1234)
    params, groups = [], []
    for g in groups_spec:
        ps = [torch.randn(s, generator=gen, dtype=torch.float64).to(dtype).requires_grad_(True) for s in g["shapes"]]
        params.extend(ps)
        groups.append({"params": ps, "lr": g["lr"], "weight_decay": g["weight_decay"]})
    initial = [p.detach().to(torch.float64).flatten().tolist() for p in params]
    opt = torch.optim.AdamW(groups, betas=betas, eps=eps, foreach=False)
    grads_per_step, params_per_step = [], []
    for _ in range(steps):
        grads = [torch.randn(p.shape, generator=gen, dtype=torch.float64).to(dtype) for p in params]
        for p, g in zip(params, grads):
            p.grad = g.clone()
        opt.step()
        grads_per_step.append([g.to(torch.float64).flatten().tolist() for g in grads])
        params_per_step.append([p.detach().to(torch.float64).flatten().tolist() for p in params])
    return initial, grads_per_step, params_per_step


out = {
    "generator": "scripts/goldens/adamw.py",
    "torch": torch.__version__,
    "betas": list(betas),
    "eps": eps,
    "groups": [{"lr": g["lr"], "weight_decay": g["weight_decay"], "shapes": g["shapes"]} for g in groups_spec],
}
for name, dtype in [("float64", torch.float64), ("float32", torch.float32)]:
    initial, grads, params = run(dtype)
    out[name] = {"initial": initial, "grads": grads, "params": params}

with open(sys.argv[1], "w") as f:
    json.dump(out, f)
print(f"wrote {sys.argv[1]}")
