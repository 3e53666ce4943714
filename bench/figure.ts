/** One printed benchmark figure, and how `run.ts` lets a section print its figures. */
export interface Figure {
  id: string;
  name: string;
  value: number;
  unit: string;
  target: string;
  /** null: no target (context for the others). */
  ok: boolean | null;
}

export interface FigureSink {
  record(figure: Figure): void;
  /** A figure without a target. */
  info(id: string, name: string, value: number, unit: string): void;
  /** Lotse ÷ the bare baseline (bench/bare-server.ts), measured in the same run with the same load generators. */
  recordRatio(id: string, name: string, lotse: number, bare: number, limit: number): void;
}
