import { InsightsDataset } from './dataset';

/** A CSV field, quoted when it holds a separator, a quote or a line break. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The numbers of a dataset as CSV (RFC 4180: commas, CRLF): a heading row,
 * then one row per category with the raw numbers (shares from 0 to 1,
 * times in the API's units) for a spreadsheet to compute with. An empty
 * field is a number the API did not have (a median without data).
 */
export function datasetToCsv(dataset: InsightsDataset): string {
  const lines = [
    [dataset.categoryLabel, ...dataset.columns.map(c => c.csvLabel ?? c.label)],
    ...dataset.rows.map(row => [
      row.key,
      ...dataset.columns.map(c => {
        const value = row.values[c.key];
        return value === null || value === undefined ? '' : String(value);
      }),
    ]),
  ];
  return `${lines.map(line => line.map(field).join(',')).join('\r\n')}\r\n`;
}

/**
 * The CSV as a file. The byte order mark makes spreadsheet programs read
 * it as UTF-8, which Japanese headings need.
 */
export function datasetCsvFile(
  dataset: InsightsDataset,
  range: { from: string; to: string },
): { blob: Blob; filename: string } {
  return {
    blob: new Blob(['\uFEFF', datasetToCsv(dataset)], {
      type: 'text/csv;charset=utf-8',
    }),
    filename: `postmortem-insights-${dataset.id}-${range.from}-${range.to}.csv`,
  };
}
