// @lightattn/gpt2-model: not implemented yet; this package exports nothing.
export {};
