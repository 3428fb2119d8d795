/**
 * WGSL generators for the register-blocked products the flash-attention kernels are built from
 * (matmul.ts's idea: each invocation accumulates a small block of outputs in named registers, so
 * one load from workgroup memory feeds several FMAs).
 *
 * Every staged matrix is row-major in workgroup memory as vec4s, its row stride an odd number of
 * vec4s (one vec4 of padding when the row has an even count): eight invocations reading eight
 * consecutive rows then hit eight different bank groups.
 *
 * Two product shapes cover every step of the method:
 * - NT: C[a][b] = Σ_k A[a][k]·B[b][k], both operands row-major along k (q·kᵀ, dO·vᵀ). A thread owns
 *   rows a_t + aGroups·e of A and b_t + bGroups·f of B (interleaved, so neighbouring invocations
 *   read neighbouring rows) and takes k four at a time: (na + nb) vec4 loads feed 4·na·nb FMAs.
 * - TN: C[a][b] += Σ_k A[k][a]·B[k][b], both operands with k as the row (P·v, dS·k, Pᵀ·dO). A thread
 *   owns quads of a and quads of b and broadcasts each a into a vec4 FMA: (na + nb)/4 loads feed
 *   na·nb FMAs, as in matmul.ts.
 */

/** A matrix in workgroup memory: `rows` rows of `cols` floats (cols a multiple of 4). */
export interface SharedMatrix {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
}

/** Row stride in vec4s: odd, so consecutive rows start in different bank groups. */
export function stride4(m: SharedMatrix): number {
  const q = m.cols / 4;
  return q % 2 === 0 ? q + 1 : q;
}

export const sharedBytes = (m: SharedMatrix): number => 16 * m.rows * stride4(m);

export const sharedDecl = (m: SharedMatrix): string => `var<workgroup> ${m.name}: array<vec4<f32>, ${m.rows * stride4(m)}>;`;

/** WGSL reading element (row, col) of a shared matrix as a scalar. */
export const sharedAt = (m: SharedMatrix, row: string, col: string): string => `${m.name}[(${row}) * ${stride4(m)}u + (${col}) / 4u][(${col}) % 4u]`;

/** How a product's a×b outputs are spread over invocations: groups along a and b, outputs per invocation. */
export interface ProductSplit {
  readonly aGroups: number;
  readonly bGroups: number;
  /** Outputs per invocation along a and b (multiples of 4 on a quad axis). */
  readonly na: number;
  readonly nb: number;
}

/**
 * Workgroup-memory wavefronts per FMA of a split (a model of NVIDIA's shared memory: 128 bytes per
 * cycle per SM against 128 FMAs, so a 16-byte load that 32 lanes make from n distinct addresses
 * costs ⌈n/8⌉ cycles, and a product whose loads cost more cycles than its FMAs is bound by them).
 * In a warp of 32, lanes b_t = lane mod bGroups are distinct along b and ⌈32/bGroups⌉ along a.
 */
function loadCost(s: ProductSplit, quads: boolean): number {
  const distinctA = Math.min(s.aGroups, Math.ceil(32 / s.bGroups));
  const distinctB = Math.min(s.bGroups, 32);
  const perLoad = (n: number) => Math.ceil(n / 8);
  // NT: na + nb vec4 loads feed 4·na·nb FMAs per k quad; TN: (na + nb)/4 loads feed na·nb FMAs per k.
  return quads
    ? ((s.na / 4) * perLoad(distinctA) + (s.nb / 4) * perLoad(distinctB)) / (s.na * s.nb)
    : (s.na * perLoad(distinctA) + s.nb * perLoad(distinctB)) / (4 * s.na * s.nb);
}

/**
 * The split of an a×b product over at most `threads` invocations that keeps the most invocations
 * busy, then costs the fewest workgroup-memory cycles per FMA (`loadCost`), then spreads b wider.
 * `quads` says that a thread owns runs of 4 along both axes (TN products).
 */
export function splitProduct(a: number, b: number, threads: number, quads: { a: boolean; b: boolean }): ProductSplit {
  let best: ProductSplit | null = null;
  const score = (s: ProductSplit) => [s.aGroups * s.bGroups, -loadCost(s, quads.a && quads.b), s.bGroups];
  for (let ag = 1; ag <= a; ag *= 2) {
    for (let bg = 1; bg <= b && ag * bg <= threads; bg *= 2) {
      if (a % ag || b % bg) continue;
      const s = { aGroups: ag, bGroups: bg, na: a / ag, nb: b / bg };
      if ((quads.a && s.na % 4) || (quads.b && s.nb % 4)) continue;
      if (best === null) best = s;
      else {
        const [x, y] = [score(s), score(best)];
        const i = x.findIndex((v, k) => Math.abs(v - y[k]!) > 1e-9);
        if (i >= 0 && x[i]! > y[i]!) best = s;
      }
    }
  }
  if (best === null) throw new RangeError(`flash attention: no split of a ${a}×${b} product over ${threads} invocations`);
  return best;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Invocations a split uses: the first aGroups·bGroups of the workgroup. */
export const splitThreads = (s: ProductSplit) => s.aGroups * s.bGroups;

/**
 * WGSL of one NT product C = A·Bᵀ into scalar registers `${acc}_e_f` (declared by the caller with
 * `ntAccDecl`), over k4 < `k4Bound` vec4 columns. `at` and `bt` are the thread's group indices.
 */
export function ntProductWgsl(o: { a: SharedMatrix; b: SharedMatrix; split: ProductSplit; acc: string; at: string; bt: string; k4Bound: string }): string {
  const { split: s, acc } = o;
  const lines: string[] = [];
  for (const e of range(s.na)) lines.push(`let ${acc}_ao${e} = (${o.at} + ${e * s.aGroups}u) * ${stride4(o.a)}u;`);
  for (const f of range(s.nb)) lines.push(`let ${acc}_bo${f} = (${o.bt} + ${f * s.bGroups}u) * ${stride4(o.b)}u;`);
  lines.push(`for (var k4 = 0u; k4 < ${o.k4Bound}; k4++) {`);
  for (const e of range(s.na)) lines.push(`  let ${acc}_a${e} = ${o.a.name}[${acc}_ao${e} + k4];`);
  for (const f of range(s.nb)) lines.push(`  let ${acc}_b${f} = ${o.b.name}[${acc}_bo${f} + k4];`);
  for (const e of range(s.na)) {
    for (const f of range(s.nb)) {
      const [x, y, r] = [`${acc}_a${e}`, `${acc}_b${f}`, `${acc}_${e}_${f}`];
      lines.push(`  ${r} = fma(${x}.w, ${y}.w, fma(${x}.z, ${y}.z, fma(${x}.y, ${y}.y, fma(${x}.x, ${y}.x, ${r}))));`);
    }
  }
  lines.push('}');
  return lines.join('\n    ');
}

/** Declares (or with `reset`, zeroes) the scalar registers of an NT product. */
export function ntAccWgsl(split: ProductSplit, acc: string, reset: boolean): string {
  return range(split.na)
    .flatMap((e) => range(split.nb).map((f) => `${reset ? '' : 'var '}${acc}_${e}_${f} = 0.0;`))
    .join(' ');
}

/** The a index (within the tile) of NT register row e; the b index of column f. */
export const ntA = (s: ProductSplit, at: string, e: number) => `(${at} + ${e * s.aGroups}u)`;
export const ntB = (s: ProductSplit, bt: string, f: number) => `(${bt} + ${f * s.bGroups}u)`;

export interface TnTerm {
  /** A (k rows × a columns) and B (k rows × b columns) in workgroup memory. */
  readonly a: SharedMatrix;
  readonly b: SharedMatrix;
  readonly acc: string;
  /** Terms of one loop share the thread mapping (aGroups, bGroups); nb may differ (dK and dV of other widths). */
  readonly split: ProductSplit;
}

/**
 * WGSL of TN products sharing one k loop (k < `kBound`): `${acc}_i_p` (vec4 over b quad p, declared
 * with `tnAccWgsl`) += A[k][a_i]·B[k][quad p]. Thread a-quads are at + aGroups·q, b-quads bt + bGroups·p.
 */
export function tnProductWgsl(terms: readonly TnTerm[], at: string, bt: string, kBound: string): string {
  const lines: string[] = [`for (var k = 0u; k < ${kBound}; k++) {`];
  for (const t of terms) {
    const s = t.split;
    for (const q of range(s.na / 4)) lines.push(`  let ${t.acc}_a${q} = ${t.a.name}[k * ${stride4(t.a)}u + ${at} + ${q * s.aGroups}u];`);
    for (const p of range(s.nb / 4)) lines.push(`  let ${t.acc}_b${p} = ${t.b.name}[k * ${stride4(t.b)}u + ${bt} + ${p * s.bGroups}u];`);
    for (const i of range(s.na)) {
      for (const p of range(s.nb / 4)) lines.push(`  ${t.acc}_${i}_${p} = fma(vec4<f32>(${t.acc}_a${i >> 2}[${i & 3}]), ${t.acc}_b${p}, ${t.acc}_${i}_${p});`);
    }
  }
  lines.push('}');
  return lines.join('\n    ');
}

/** The split with b of `b` columns on the same groups (another term of the same loop). */
export function withB(s: ProductSplit, b: number): ProductSplit {
  const nb = b / s.bGroups;
  if (!Number.isInteger(nb) || nb % 4) throw new RangeError(`flash attention: ${b} columns do not split into quads over ${s.bGroups} groups`);
  return { ...s, nb };
}

export function tnAccWgsl(split: ProductSplit, acc: string): string {
  return range(split.na)
    .flatMap((i) => range(split.nb / 4).map((p) => `var ${acc}_${i}_${p} = vec4<f32>();`))
    .join(' ');
}

/** The a index (within the tile) of TN register row i, and the first b column of quad p. */
export const tnA = (s: ProductSplit, at: string, i: number) => `((${at} + ${(i >> 2) * s.aGroups}u) * 4u + ${i & 3}u)`;
export const tnB4 = (s: ProductSplit, bt: string, p: number) => `(${bt} + ${p * s.bGroups}u)`;

/**
 * WGSL staging rows r0 … r0 + m.rows − 1 of a row-major [n, width] region (row `r` at element
 * base + r·width of tensor binding `src`) into shared matrix `m`, times `scale`: quads c4 < `w4` of
 * each row hold data (zeros past `width` and past row n), the rest of the row zeros, so products may
 * run over whole buckets. `vec`: the binding is vec4 (width and base multiples of 4). All `threads`
 * invocations take part.
 */
export function stageWgsl(o: {
  m: SharedMatrix;
  src: string;
  base: string;
  r0: string;
  n: string;
  width: string;
  w4: string;
  threads: number;
  vec: boolean;
  scale?: string;
}): string {
  const q = o.m.cols / 4;
  const fetch = o.vec
    ? `x = ${o.src}_get4((${o.base} + gr * ${o.width}) / 4u + c4);`
    : `for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < ${o.width}) { x[t] = ${o.src}_get(${o.base} + gr * ${o.width} + c4 * 4u + t); } }`;
  return `for (var e = lid; e < ${o.m.rows * q}u; e += ${o.threads}u) {
      let c4 = e % ${q}u;
      let r = e / ${q}u;
      let gr = ${o.r0} + r;
      var x = vec4<f32>();
      if (gr < ${o.n} && c4 < ${o.w4}) { ${fetch} }
      ${o.m.name}[r * ${stride4(o.m)}u + c4] = ${o.scale ? `${o.scale} * ` : ''}x;
    }`;
}

/**
 * Staging split in two, for register prefetch: `load` fetches the rows into per-invocation registers
 * (`decls`), `store` writes them to workgroup memory. Issuing the next tile's `load` before the
 * current tile's products keeps the global reads in flight while the products run (matmul.ts does
 * the same); the registers cost ⌈rows·cols/(4·threads)⌉ vec4s per invocation.
 */
export function stagingWgsl(o: {
  m: SharedMatrix;
  src: string;
  base: string;
  n: string;
  width: string;
  w4: string;
  threads: number;
  vec: boolean;
  scale?: string;
  reg: string;
}): { decls: string; load: (r0: string) => string; store: string } {
  const q = o.m.cols / 4;
  const total = o.m.rows * q;
  const per = Math.ceil(total / o.threads);
  const guard = (l: number, body: string) => ((l + 1) * o.threads <= total ? `{ ${body} }` : `if (lid + ${l * o.threads}u < ${total}u) { ${body} }`);
  const decls = Array.from({ length: per }, (_, l) => `var ${o.reg}${l} = vec4<f32>();`).join(' ');
  const load = (r0: string) =>
    Array.from({ length: per }, (_, l) => {
      const e = `(lid + ${l * o.threads}u)`;
      const fetch = o.vec
        ? `${o.reg}${l} = ${o.src}_get4((${o.base} + gr * ${o.width}) / 4u + c4);`
        : `for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < ${o.width}) { ${o.reg}${l}[t] = ${o.src}_get(${o.base} + gr * ${o.width} + c4 * 4u + t); } }`;
      return guard(l, `let c4 = ${e} % ${q}u; let gr = ${r0} + ${e} / ${q}u; ${o.reg}${l} = vec4<f32>(); if (gr < ${o.n} && c4 < ${o.w4}) { ${fetch} }`);
    }).join('\n    ');
  const store = Array.from({ length: per }, (_, l) => {
    const e = `(lid + ${l * o.threads}u)`;
    return guard(l, `${o.m.name}[(${e} / ${q}u) * ${stride4(o.m)}u + ${e} % ${q}u] = ${o.scale ? `${o.scale} * ` : ''}${o.reg}${l};`);
  }).join('\n    ');
  return { decls, load, store };
}

/**
 * WGSL storing TN registers `${acc}_i_p` (times `rowScale(i)`) to rows of a row-major [n, width]
 * region: tile row a goes to element base + (r0 + a)·width. Rows ≥ n and columns ≥ width are skipped.
 */
export function storeTnWgsl(o: {
  split: ProductSplit;
  acc: string;
  at: string;
  bt: string;
  dst: string;
  base: string;
  r0: string;
  n: string;
  width: string;
  vec: boolean;
  rowScale: (i: number) => string;
}): string {
  const s = o.split;
  const lines: string[] = [];
  for (const i of range(s.na)) {
    const row = `${o.acc}_row${i}`;
    lines.push(`let ${row} = ${o.r0} + ${tnA(s, o.at, i)};`);
    lines.push(`if (${row} < ${o.n}) {`);
    lines.push(`  let ${row}_scale = ${o.rowScale(i)};`);
    for (const p of range(s.nb / 4)) {
      const c4 = tnB4(s, o.bt, p);
      const v = `${row}_scale * ${o.acc}_${i}_${p}`;
      if (o.vec) lines.push(`  if (${c4} * 4u < ${o.width}) { ${o.dst}_set4((${o.base} + ${row} * ${o.width}) / 4u + ${c4}, ${v}); }`);
      else
        lines.push(
          `  for (var t = 0u; t < 4u; t++) { if (${c4} * 4u + t < ${o.width}) { ${o.dst}_set(${o.base} + ${row} * ${o.width} + ${c4} * 4u + t, (${v})[t]); } }`,
        );
    }
    lines.push('}');
  }
  return lines.join('\n  ');
}
