/**
 * The part of the (X position, Y position) table a search visits: for each X position x, the Y positions
 * lo[x] … hi[x]. Both bounds never decrease and every row overlaps the next, so a monotonic path always exists.
 * Its size is linear in the length of the input, which is what keeps alignment linear.
 */
export interface Corridor {
  lo: Int32Array;
  hi: Int32Array;
}

/** Length-proportional diagonal: for each X position, the Y position the same share of text into the document. */
export function lengthDiagonal(lengthX: ArrayLike<number>, lengthY: ArrayLike<number>): Int32Array {
  const n = lengthX.length;
  const m = lengthY.length;
  const center = new Int32Array(n + 1);
  let totalX = 0;
  let totalY = 0;
  for (let x = 0; x < n; x++) totalX += lengthX[x]! + 1;
  for (let y = 0; y < m; y++) totalY += lengthY[y]! + 1;
  let cx = 0;
  let y = 0;
  let cy = 0;
  for (let x = 0; x <= n; x++) {
    const target = (cx / totalX) * totalY;
    while (y < m && cy + (lengthY[y]! + 1) / 2 < target) cy += lengthY[y++]! + 1;
    center[x] = y;
    if (x < n) cx += lengthX[x]! + 1;
  }
  return center;
}

/** A band of ±half around a line of centres (one per X position, 0 … n), over a table of n × m. */
export function bandAround(center: Int32Array, half: number, m: number): Corridor {
  const n = center.length - 1;
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let x = 0; x <= n; x++) {
    lo[x] = Math.max(0, center[x]! - half);
    hi[x] = Math.min(m, center[x]! + half);
  }
  return finish(lo, hi, m);
}

/** A corridor of ±width around a path of links [x, y] (rows without a link span the gap between their neighbours). */
export function corridorAround(path: [number, number][], width: number, n: number, m: number): Corridor {
  const lo = new Int32Array(n + 1).fill(-1);
  const hi = new Int32Array(n + 1).fill(-1);
  const mark = (x: number, y: number) => {
    if (lo[x]! < 0 || y < lo[x]!) lo[x] = y;
    if (y > hi[x]!) hi[x] = y;
  };
  mark(0, 0);
  mark(n, m);
  for (const [x, y] of path) {
    mark(x, y);
    mark(x + 1, y + 1);
  }
  let previous = 0;
  for (let x = 1; x <= n; x++) {
    if (lo[x]! < 0) continue;
    for (let g = previous + 1; g < x; g++) {
      lo[g] = Math.min(hi[previous]!, lo[x]!);
      hi[g] = Math.max(hi[previous]!, lo[x]!);
    }
    previous = x;
  }
  for (let x = 0; x <= n; x++) {
    lo[x] = Math.max(0, lo[x]! - width);
    hi[x] = Math.min(m, hi[x]! + width);
  }
  return finish(lo, hi, m);
}

/** Number of cells of a corridor. */
export function corridorSize({ lo, hi }: Corridor): number {
  let size = 0;
  for (let x = 0; x < lo.length; x++) size += hi[x]! - lo[x]! + 1;
  return size;
}

/**
 * Makes bounds monotonic, pins the corners, and makes every row reach where the next begins (a long run of
 * one-sided links — one sentence against a thousand — otherwise leaves no path).
 */
function finish(lo: Int32Array, hi: Int32Array, m: number): Corridor {
  const n = lo.length - 1;
  for (let x = 1; x <= n; x++) lo[x] = Math.max(lo[x]!, lo[x - 1]!);
  for (let x = n - 1; x >= 0; x--) hi[x] = Math.min(hi[x]!, hi[x + 1]!);
  lo[0] = 0;
  hi[n] = m;
  for (let x = n - 1; x >= 0; x--) if (hi[x]! < lo[x + 1]!) hi[x] = lo[x + 1]!;
  return { lo, hi };
}
