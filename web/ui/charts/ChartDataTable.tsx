type Cell = string | number;

type ChartDataTableProps = {
  caption: string;
  columns: string[];
  /** One row per data point; the first cell names the row. */
  rows: Cell[][];
};

/** A plain table of a chart's data, meant to sit inside EChart's visually hidden `summary`. */
export function ChartDataTable({ caption, columns, rows }: ChartDataTableProps) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows may repeat and are redrawn whole with the chart
          <tr key={rowIndex}>
            {row.map((cell, cellIndex) =>
              cellIndex === 0 ? (
                <th key={columns[cellIndex] ?? cellIndex} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={columns[cellIndex] ?? cellIndex}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
