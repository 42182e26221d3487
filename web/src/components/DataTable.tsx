import { useId, type ReactNode } from 'react';
import './data-table.css';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Right-align numbers. */
  numeric?: boolean;
  /** This column names the row (rendered as <th scope="row">). */
  rowHeader?: boolean;
}

/**
 * A real <table> with a caption and column headers. On narrow screens each row turns into a
 * card (CSS uses data-label), so nothing scrolls sideways. With `scroll` (wide tables such as a
 * heat map: many columns to compare) the table keeps its grid and scrolls sideways inside its own
 * focusable box instead, so the page itself never does.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  scroll = false,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty: string;
  scroll?: boolean;
}) {
  const captionId = useId();
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  const table = (
    <table className={scroll ? 'data-table data-table--scroll' : 'data-table'}>
      <caption id={captionId}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.key} scope="row" data-label={c.header} className={c.numeric ? 'num' : undefined}>
                  {c.render(row)}
                </th>
              ) : (
                <td key={c.key} data-label={c.header} className={c.numeric ? 'num' : undefined}>
                  {c.render(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!scroll) return table;
  return (
    // A keyboard user can focus the box and scroll it with the arrow keys.
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      {table}
    </div>
  );
}
