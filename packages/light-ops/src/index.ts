// @lightattn/light-ops: not implemented yet; this package exports nothing.
export {};
