/**
 * A minimal writer of CPLEX LP text, as HiGHS reads it. Rows are kept as strings in one array
 * and joined once at the end; long expressions are broken over several lines (the format
 * allows an expression to continue on the next line).
 */

/** Terms of a linear expression: parallel arrays of variable names and coefficients. */
export class Expr {
  readonly names: string[] = [];
  readonly coefs: number[] = [];
  add(coef: number, name: string): this {
    if (coef !== 0) {
      this.names.push(name);
      this.coefs.push(coef);
    }
    return this;
  }
  get size(): number {
    return this.names.length;
  }
}

const TERMS_PER_LINE = 24;

function termsText(e: Expr): string {
  const parts: string[] = [];
  for (let i = 0; i < e.names.length; i++) {
    const c = e.coefs[i]!;
    const sign = c < 0 ? '-' : '+';
    const abs = Math.abs(c);
    parts.push(abs === 1 ? `${sign} ${e.names[i]}` : `${sign} ${abs} ${e.names[i]}`);
    if ((i + 1) % TERMS_PER_LINE === 0 && i + 1 < e.names.length) parts.push('\n ');
  }
  return parts.join(' ');
}

export class LpWriter {
  private readonly objective = new Expr();
  private readonly rows: string[] = [];
  private readonly binaries: string[] = [];
  private readonly generals: string[] = [];
  private readonly bounds: string[] = [];
  private rowCount = 0;
  private colCount = 0;

  /** A new binary column with this objective coefficient. */
  binary(name: string, cost: number): string {
    this.binaries.push(name);
    this.objective.add(cost, name);
    this.colCount++;
    return name;
  }

  /** A new continuous column in [lo, hi] with this objective coefficient. */
  continuous(name: string, lo: number, hi: number, cost: number): string {
    this.bounds.push(` ${lo} <= ${name} <= ${hi}`);
    this.objective.add(cost, name);
    this.colCount++;
    return name;
  }

  /** A new integer column in [lo, hi] with this objective coefficient. */
  integer(name: string, lo: number, hi: number, cost: number): string {
    this.generals.push(name);
    return this.continuous(name, lo, hi, cost);
  }

  /** `expr >= rhs` (skipped when empty). */
  ge(expr: Expr, rhs: number): void {
    if (expr.size === 0) return;
    this.rows.push(` r${this.rowCount++}: ${termsText(expr)} >= ${rhs}`);
  }

  /** `expr <= rhs` (skipped when empty). */
  le(expr: Expr, rhs: number): void {
    if (expr.size === 0) return;
    this.rows.push(` r${this.rowCount++}: ${termsText(expr)} <= ${rhs}`);
  }

  get columns(): number {
    return this.colCount;
  }

  get constraints(): number {
    return this.rowCount;
  }

  /** The model as LP text, maximising the objective. */
  text(): string {
    const bin: string[] = [];
    for (let i = 0; i < this.binaries.length; i += TERMS_PER_LINE) bin.push(` ${this.binaries.slice(i, i + TERMS_PER_LINE).join(' ')}`);
    return [
      'Maximize',
      ` obj: ${this.objective.size > 0 ? termsText(this.objective) : '0 dummy'}`,
      'Subject To',
      ...this.rows,
      ...(this.bounds.length > 0 ? ['Bounds', ...this.bounds] : []),
      ...(bin.length > 0 ? ['Binary', ...bin] : []),
      ...(this.generals.length > 0 ? ['General', ` ${this.generals.join(' ')}`] : []),
      'End',
      '',
    ].join('\n');
  }
}
