/**
 * The admin's tables: a box that scrolls sideways when the table is wider than the panel, and the
 * heading row with one heading a column, numeric ones aligned right.
 */
import type { ComponentChildren } from 'preact';

/** A heading: plain text, or `{ num }` for a column of numbers. */
export type Column = string | { num: string };

export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) =>
          typeof c === 'string' ? (
            <th key={i} scope="col">
              {c}
            </th>
          ) : (
            <th key={i} scope="col" class="num">
              {c.num}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

export interface DataTableProps {
  testId: string;
  columns: Column[];
  /** A `<caption>` element. */
  caption?: ComponentChildren;
  /** Classes beside `table`. */
  variant?: string;
  /** Wide tables: the scroll box takes the keyboard focus, so it can be scrolled with the arrow keys. */
  focusable?: boolean;
  /** Shown below the table, inside the scroll box. */
  after?: ComponentChildren;
  /** The rows. */
  children: ComponentChildren;
}

export function DataTable({ testId, columns, caption, variant, focusable, after, children }: DataTableProps) {
  return (
    <div class="table-scroll" tabIndex={focusable ? 0 : undefined}>
      <table class={variant ? `table ${variant}` : 'table'} data-testid={testId}>
        {caption}
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
      </table>
      {after}
    </div>
  );
}
