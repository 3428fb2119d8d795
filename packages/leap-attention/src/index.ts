// @lightattn/leap-attention: not implemented yet; this package exports nothing.
export {};
