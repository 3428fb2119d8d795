// vitest setup file (vitest.config.ts): `expect(...).toBeAllClose(...)` in every test file.
import { registerMatchers } from './vitest.js';

registerMatchers();
