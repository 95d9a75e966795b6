import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { postmortemsTranslationRef } from '../../translation';
import { InsightsDataset } from './dataset';

const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * A dataset as a plain HTML table: a caption naming it, a heading per
 * column and per row, so a screen reader announces each number with its
 * month (or owner) and series. It is the accessible view of each chart.
 */
export const InsightsDataTable = (props: {
  dataset: InsightsDataset;
  /** Said in the caption after the title, e.g. the range. */
  captionDetail?: string;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const { dataset } = props;
  if (dataset.rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('insights.noRows')}
      </Typography>
    );
  }
  return (
    <TableContainer>
      <Table size="small">
        {/* The table's name; the card's heading already shows it. */}
        <caption style={VISUALLY_HIDDEN}>
          {dataset.title}
          {props.captionDetail && ` (${props.captionDetail})`}
        </caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {dataset.categoryLabel}
            </TableCell>
            {dataset.columns.map(column => (
              <TableCell
                key={column.key}
                component="th"
                scope="col"
                align="right"
              >
                {column.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {dataset.rows.map(row => (
            <TableRow key={row.key || row.label}>
              <TableCell component="th" scope="row">
                {row.entityRef ? (
                  <EntityRefLink entityRef={row.entityRef} />
                ) : (
                  row.label
                )}
              </TableCell>
              {dataset.columns.map(column => (
                <TableCell key={column.key} align="right">
                  {column.format(row.values[column.key] ?? null)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
