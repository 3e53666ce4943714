/** The heading row of the admin's tables: one column heading each, numeric ones aligned right. */

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
