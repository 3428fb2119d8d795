// @lightattn/autograd: not implemented yet; this package exports nothing.
export {};
