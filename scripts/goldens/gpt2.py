"""Golden data for @lightattn/gpt2-model: transformers' GPT2LMHeadModel, float64 on CPU.

Run where PyTorch and transformers are installed (a GPU machine has both; only its CPU is used):
    python3 scripts/goldens/gpt2.py packages/gpt2-model/test-data

For each config (a tiny and a small one, dropout off so every attn_impl must agree) it writes:
    gpt2-<name>/config.json, gpt2-<name>/model.safetensors
        the checkpoint exactly as `save_pretrained` writes it (float32 weights, drawn from a fixed seed
        with a wider spread than GPT-2's 0.02 so attention is far from uniform and layer norms are not
        the identity)
    gpt2-<name>-golden.safetensors (float64 results, int32 inputs)
        input_ids, labels (some −100), logits, loss, grad.<parameter name> for every parameter,
        attention_mask (row 1 right-padded), labels_masked, logits_masked, loss_masked,
        adamw_losses (the loss before each of the AdamW steps, then after the last),
        prompt, generated (greedy `generate` continuation of the prompt)
    gpt2-<name>-golden.json
        versions, sizes, AdamW hyperparameters, HF's state_dict keys and parameter names
The model runs in float64 (its float32 weights are exact in float64), with eager attention.
"""
import json
import os
import sys

import torch
import transformers
from safetensors.torch import save_file
from transformers import GPT2Config, GPT2LMHeadModel

CONFIGS = {
    "tiny": dict(vocab_size=61, n_positions=16, n_embd=16, n_layer=2, n_head=2, batch=2, seq=8),
    "small": dict(vocab_size=97, n_positions=32, n_embd=32, n_layer=3, n_head=4, batch=2, seq=16),
}
ADAMW = dict(lr=1e-2, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01, steps=6)
PAD = 3  # padded positions at the end of row 1 in the masked case
NEW_TOKENS = 8


def build(spec):
    sizes = {k: v for k, v in spec.items() if k not in ("batch", "seq")}
    last = spec["vocab_size"] - 1
    config = GPT2Config(
        **sizes,
        resid_pdrop=0.0,
        embd_pdrop=0.0,
        attn_pdrop=0.0,
        bos_token_id=last,
        eos_token_id=last,
    )
    config._attn_implementation = "eager"
    torch.manual_seed(0)
    model = GPT2LMHeadModel(config)
    gen = torch.Generator().manual_seed(1234)
    with torch.no_grad():
        for name, p in model.named_parameters():
            noise = torch.randn(p.shape, generator=gen, dtype=torch.float32)
            # Layer-norm weights around 1, everything else around 0, all with spread 0.1–0.3.
            if name.endswith(("ln_1.weight", "ln_2.weight", "ln_f.weight")):
                p.copy_(1 + 0.1 * noise)
            elif name.endswith(("wte.weight", "wpe.weight")):
                p.copy_(0.3 * noise)
            else:
                p.copy_(0.1 * noise)
    return config, model.eval()


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for name, spec in CONFIGS.items():
        config, model = build(spec)
        folder = os.path.join(out_dir, f"gpt2-{name}")
        model.save_pretrained(folder, safe_serialization=True)

        b, t, v = spec["batch"], spec["seq"], spec["vocab_size"]
        gen = torch.Generator().manual_seed(99)
        input_ids = torch.randint(0, v, (b, t), generator=gen)
        labels = input_ids.clone()
        labels[0, 2] = -100
        labels[1, 5] = -100
        attention_mask = torch.ones(b, t, dtype=torch.long)
        attention_mask[1, t - PAD:] = 0
        labels_masked = labels.masked_fill(attention_mask == 0, -100)

        m64 = model.double()
        out = m64(input_ids, labels=labels)
        out.loss.backward()
        tensors = {
            "input_ids": input_ids.to(torch.int32),
            "labels": labels.to(torch.int32),
            "logits": out.logits.detach(),
            "loss": out.loss.detach().reshape(1),
        }
        for pname, p in m64.named_parameters():
            tensors[f"grad.{pname}"] = p.grad.detach().clone()
        m64.zero_grad(set_to_none=True)

        with torch.no_grad():
            masked = m64(input_ids, attention_mask=attention_mask, labels=labels_masked)
        tensors["attention_mask"] = attention_mask.to(torch.int32)
        tensors["labels_masked"] = labels_masked.to(torch.int32)
        tensors["logits_masked"] = masked.logits
        tensors["loss_masked"] = masked.loss.reshape(1)

        prompt = input_ids[:1, :4]
        with torch.no_grad():
            generated = m64.generate(prompt, attention_mask=torch.ones_like(prompt), max_new_tokens=NEW_TOKENS, do_sample=False, pad_token_id=0)
        tensors["prompt"] = prompt[0].to(torch.int32)
        tensors["generated"] = generated[0, prompt.shape[1]:].to(torch.int32)

        _, fresh = build(spec)
        fresh = fresh.double()
        opt = torch.optim.AdamW(fresh.parameters(), lr=ADAMW["lr"], betas=ADAMW["betas"], eps=ADAMW["eps"], weight_decay=ADAMW["weight_decay"], foreach=False)
        losses = []
        for _ in range(ADAMW["steps"]):
            opt.zero_grad(set_to_none=True)
            loss = fresh(input_ids, labels=labels).loss
            losses.append(loss.item())
            loss.backward()
            opt.step()
        with torch.no_grad():
            losses.append(fresh(input_ids, labels=labels).loss.item())
        tensors["adamw_losses"] = torch.tensor(losses, dtype=torch.float64)

        tensors = {k: x.contiguous() for k, x in tensors.items()}
        save_file(tensors, os.path.join(out_dir, f"gpt2-{name}-golden.safetensors"), metadata={"format": "pt"})
        meta = {
            "generator": "scripts/goldens/gpt2.py",
            "torch": torch.__version__,
            "transformers": transformers.__version__,
            "batch": b,
            "seq": t,
            "adamw": {**ADAMW, "betas": list(ADAMW["betas"])},
            "state_dict_keys": list(model.state_dict().keys()),
            "parameter_names": [n for n, _ in model.named_parameters()],
        }
        with open(os.path.join(out_dir, f"gpt2-{name}-golden.json"), "w") as f:
            json.dump(meta, f, indent=1)
        print(f"{name}: loss {out.loss.item():.6f}, adamw {losses[0]:.4f} → {losses[-1]:.4f}, generated {tensors['generated'].tolist()}")
    print(f"wrote {out_dir}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "packages/gpt2-model/test-data")
