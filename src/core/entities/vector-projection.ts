import { VECTOR_STEPS_PER_DEVIATION } from './word-vectors';

/** Sweeps of the Jacobi eigenvalue method; a 100 × 100 covariance converges in about ten. */
const MAX_SWEEPS = 64;
/** The off-diagonal mass, relative to the whole matrix's, below which the Jacobi method stops. */
const CONVERGED = 1e-24;
const INT8_LIMIT = 127;

/**
 * The eigenvalues (largest first) and unit eigenvectors (`vectors[k * n + i]`, component i of the k-th) of the
 * symmetric `n` × `n` matrix `matrix` (row-major; not changed), by cyclic Jacobi rotations. Each eigenvector's
 * largest component is positive, so the result is fully determined by the matrix.
 *
 * @example
 * symmetricEigen(Float64Array.of(2, 1, 1, 2), 2); // values [3, 1], vectors [0.707, 0.707, 0.707, -0.707]
 */
export function symmetricEigen(matrix: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (const value of a) total += value * value;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += (a[p * n + q] ?? 0) ** 2;
    if (off <= CONVERGED * total) break;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) rotate(a, v, n, p, q);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => (a[y * n + y] ?? 0) - (a[x * n + x] ?? 0) || x - y);
  const values = Float64Array.from(order, (i) => a[i * n + i] ?? 0);
  const vectors = new Float64Array(n * n);
  order.forEach((column, k) => {
    let largest = 0;
    for (let i = 0; i < n; i++) if (Math.abs(v[i * n + column] ?? 0) > Math.abs(largest)) largest = v[i * n + column] ?? 0;
    const sign = largest < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) vectors[k * n + i] = sign * (v[i * n + column] ?? 0);
  });
  return { values, vectors };
}

/** One Jacobi rotation: makes `a[p][q]` zero by `a ← Jᵀ a J`, and accumulates `v ← v J`. */
function rotate(a: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = a[p * n + q] ?? 0;
  if (apq === 0) return;
  const theta = ((a[q * n + q] ?? 0) - (a[p * n + p] ?? 0)) / (2 * apq);
  const t = theta === 0 ? 1 : Math.sign(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    const kp = a[k * n + p] ?? 0;
    const kq = a[k * n + q] ?? 0;
    a[k * n + p] = c * kp - s * kq;
    a[k * n + q] = s * kp + c * kq;
  }
  for (let k = 0; k < n; k++) {
    const pk = a[p * n + k] ?? 0;
    const qk = a[q * n + k] ?? 0;
    a[p * n + k] = c * pk - s * qk;
    a[q * n + k] = s * pk + c * qk;
  }
  for (let k = 0; k < n; k++) {
    const kp = v[k * n + p] ?? 0;
    const kq = v[k * n + q] ?? 0;
    v[k * n + p] = c * kp - s * kq;
    v[k * n + q] = s * kp + c * kq;
  }
}

/**
 * Projects word vectors (`vectors`: one row of `dimensions` numbers per word) on their `components` principal
 * components and quantises each to int8: the rows are first scaled to unit length (the geometry the embedding
 * clusters use), then centred; each component is divided by its standard deviation and stored as
 * `round(value × VECTOR_STEPS_PER_DEVIATION)`, clipped to ±127. Returns `components` values per row. Deterministic.
 *
 * @example
 * const projected = projectVectors(glove, 100, 16); // 16 int8 values per word, each about N(0, 1) × 40
 */
export function projectVectors(vectors: Float32Array, dimensions: number, components: number): Int8Array {
  if (components > dimensions) throw new Error(`News Corpus: cannot project ${dimensions}-dimensional vectors on ${components} components.`);
  const count = Math.floor(vectors.length / dimensions);
  const unit = new Float64Array(count * dimensions);
  const mean = new Float64Array(dimensions);
  for (let row = 0; row < count; row++) {
    let norm = 0;
    for (let d = 0; d < dimensions; d++) norm += (vectors[row * dimensions + d] ?? 0) ** 2;
    const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
    for (let d = 0; d < dimensions; d++) {
      const value = (vectors[row * dimensions + d] ?? 0) * scale;
      unit[row * dimensions + d] = value;
      mean[d] = (mean[d] ?? 0) + value / count;
    }
  }
  const covariance = new Float64Array(dimensions * dimensions);
  const centred = new Float64Array(dimensions);
  for (let row = 0; row < count; row++) {
    for (let d = 0; d < dimensions; d++) centred[d] = (unit[row * dimensions + d] ?? 0) - (mean[d] ?? 0);
    for (let i = 0; i < dimensions; i++) {
      const ci = centred[i] ?? 0;
      for (let j = i; j < dimensions; j++) covariance[i * dimensions + j] = (covariance[i * dimensions + j] ?? 0) + ci * (centred[j] ?? 0);
    }
  }
  for (let i = 0; i < dimensions; i++) {
    for (let j = i; j < dimensions; j++) {
      const value = (covariance[i * dimensions + j] ?? 0) / Math.max(count, 1);
      covariance[i * dimensions + j] = value;
      covariance[j * dimensions + i] = value;
    }
  }
  const { values, vectors: axes } = symmetricEigen(covariance, dimensions);
  const projected = new Int8Array(count * components);
  for (let k = 0; k < components; k++) {
    const deviation = Math.sqrt(Math.max(values[k] ?? 0, 0));
    const steps = deviation === 0 ? 0 : VECTOR_STEPS_PER_DEVIATION / deviation;
    for (let row = 0; row < count; row++) {
      let value = 0;
      for (let d = 0; d < dimensions; d++) value += ((unit[row * dimensions + d] ?? 0) - (mean[d] ?? 0)) * (axes[k * dimensions + d] ?? 0);
      projected[row * components + k] = Math.max(-INT8_LIMIT, Math.min(INT8_LIMIT, Math.round(value * steps)));
    }
  }
  return projected;
}
