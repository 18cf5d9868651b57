/**
 * Plain-text tables and observed-order columns for the CLI.
 * @module
 */

/** Format rows of cells as an aligned plain-text table with a header rule. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padStart(widths[c])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** log(e_{k-1}/e_k)/log(h_{k-1}/h_k) for successive refinements; '' for the first row. */
export function observedOrders(h: number[], err: number[]): string[] {
  return err.map((e, k) => (k === 0 ? '' : (Math.log(err[k - 1] / e) / Math.log(h[k - 1] / h[k])).toFixed(2)));
}

/** Scientific notation with 3 significant digits. */
export function sci(x: number): string {
  return x.toExponential(2);
}
