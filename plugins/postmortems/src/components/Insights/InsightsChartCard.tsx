import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import TableChartIcon from '@material-ui/icons/TableChart';
import { useState } from 'react';
import { postmortemsTranslationRef } from '../../translation';
import { DownloadButton } from '../DownloadButton';
import { datasetCsvFile } from './csv';
import { InsightsDataset } from './dataset';
import { InsightsDataTable } from './InsightsDataTable';
import { LazyInsightsChart } from './LazyInsightsChart';

/**
 * One dataset on a card: a region named by its heading, the chart (or
 * with "Table view" pressed, the same numbers as a table) and a CSV
 * download of its numbers. A dataset without a chart is a table.
 */
export const InsightsChartCard = (props: {
  dataset: InsightsDataset;
  range: { from: string; to: string };
  /** The range as the reader reads it, for the table's caption. */
  rangeLabel: string;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const { dataset } = props;
  const [tableView, setTableView] = useState(false);
  const headingId = `postmortem-insights-${dataset.id}`;
  const hasChart = Boolean(dataset.chart);

  return (
    <Card
      component="section"
      aria-labelledby={headingId}
      style={{ height: '100%' }}
    >
      <CardContent>
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          mb={1}
          style={{ gap: 8 }}
        >
          <Typography variant="h6" component="h3" id={headingId}>
            {dataset.title}
          </Typography>
          <Box flexGrow={1} />
          {hasChart && (
            <Button
              size="small"
              color="primary"
              startIcon={<TableChartIcon />}
              variant={tableView ? 'contained' : 'text'}
              aria-pressed={tableView}
              aria-label={t('insights.tableViewNamed', {
                title: dataset.title,
              })}
              onClick={() => setTableView(shown => !shown)}
            >
              {t('insights.tableView')}
            </Button>
          )}
          <DownloadButton
            variant="text"
            icon={<GetAppIcon />}
            label={t('insights.downloadCsv')}
            ariaLabel={t('insights.downloadCsvNamed', {
              title: dataset.title,
            })}
            failedMessage={message => t('insights.csvFailed', { message })}
            load={async () => datasetCsvFile(dataset, props.range)}
          />
        </Box>
        {hasChart && !tableView ? (
          <LazyInsightsChart dataset={dataset} />
        ) : (
          <InsightsDataTable
            dataset={dataset}
            captionDetail={props.rangeLabel}
          />
        )}
      </CardContent>
    </Card>
  );
};
