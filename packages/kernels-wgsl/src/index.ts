// @lightattn/kernels-wgsl: not implemented yet; this package exports nothing.
export {};
