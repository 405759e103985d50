import type { ReactNode } from 'react';

interface HistoryTableProps {
  title: string;
  headers: string[];
  /** One row per decision, its cells in the headers' order; each row's key comes first. */
  rows: [string, ...ReactNode[]][];
  empty: string;
  testId: string;
}

/** A card's decisions (levels, flags, plans) as a table that scrolls on its own on a phone. */
export function HistoryTable({ title, headers, rows, empty, testId }: HistoryTableProps) {
  return (
    <>
      <h3 className="rewards-admin-subtitle">{title}</h3>
      {rows.length === 0 ? (
        <p className="muted" data-testid={testId}>
          {empty}
        </p>
      ) : (
        <div className="rewards-table-wrap">
          <table className="rewards-table" data-testid={testId}>
            <thead>
              <tr>
                {headers.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(([key, ...cells]) => (
                <tr key={key}>
                  {cells.map((cell, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed; position is identity
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** What a decision came to: when it counts from, or that the card already stood so. */
export function Outcome({ message, testId }: { message: string | null; testId: string }) {
  if (!message) return null;
  return (
    <p className="success" role="status" data-testid={testId}>
      {message}
    </p>
  );
}
