import { datasetCsvFile, datasetToCsv } from './csv';
import { InsightsDataset } from './dataset';

const dataset: InsightsDataset = {
  id: 'owners',
  title: 'Owners',
  categoryLabel: 'Owner',
  columns: [
    { key: 'open', label: 'Open, now', format: String },
    {
      key: 'median',
      label: 'Median',
      csvLabel: 'Median "days"',
      format: String,
    },
  ],
  rows: [
    {
      key: 'group:default/sre',
      label: 'sre',
      values: { open: 3, median: 12.5 },
    },
    { key: '', label: 'Unassigned', values: { open: 1, median: null } },
  ],
};

describe('datasetToCsv', () => {
  it('writes raw numbers under quoted headings, empty for no value', () => {
    expect(datasetToCsv(dataset)).toBe(
      'Owner,"Open, now","Median ""days"""\r\n' +
        'group:default/sre,3,12.5\r\n' +
        ',1,\r\n',
    );
  });

  it('names the file after the dataset and the range, as UTF-8 CSV', async () => {
    const file = datasetCsvFile(dataset, { from: '2026-01', to: '2026-06' });
    expect(file.filename).toBe(
      'postmortem-insights-owners-2026-01-2026-06.csv',
    );
    expect(file.blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    // The byte order mark, for spreadsheets to read Japanese headings.
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
  });
});
