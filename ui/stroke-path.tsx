/** A line with round ends and joins, for icons that draw their own strokes (own widths and colours). */
export function StrokePath({ d, width, colour = 'currentColor' }: { d: string; width: number; colour?: string }) {
  return <path d={d} fill="none" stroke={colour} stroke-width={width} stroke-linecap="round" stroke-linejoin="round" />;
}
