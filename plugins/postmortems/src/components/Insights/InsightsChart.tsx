import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useLanguage } from '../../hooks/useLanguage';
import { formatShare } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { InsightsDataset } from './dataset';
import { useChartColors } from './useChartColors';

/** Tall enough for a legend of four and a rotated axis label. */
const HEIGHT = 300;

/**
 * A dataset drawn with recharts: its bar columns as bars (stacked when
 * they share a stack), its line columns as lines, shares on a right axis
 * from 0 to 100%. This module is the only one that imports recharts, and
 * is loaded only when a chart is shown (see LazyInsightsChart).
 */
export const InsightsChart = (props: { dataset: InsightsDataset }) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const colors = useChartColors();
  const { dataset } = props;
  const drawn = useMemo(
    () => dataset.columns.filter(column => column.series),
    [dataset],
  );
  const hasShare = drawn.some(column => column.series?.axis === 'share');

  const data = useMemo(
    () =>
      dataset.rows.map(row => {
        const point: Record<string, string | number | null> = {
          label: row.label,
        };
        for (const column of drawn) {
          const value = row.values[column.key] ?? null;
          point[column.key] =
            value === null ? null : value * (column.series?.scale ?? 1);
        }
        return point;
      }),
    [dataset, drawn],
  );

  const tick = { fill: colors.axis, fontSize: 12 };
  const axisLabel = (value: string, side: 'left' | 'right') => ({
    value,
    angle: side === 'left' ? -90 : 90,
    position: side === 'left' ? 'insideLeft' : 'insideRight',
    style: { textAnchor: 'middle', fill: colors.text, fontSize: 12 },
  });
  // The tooltip shows each number as the table does, not as drawn.
  const formatTooltip = (_value: unknown, _name: unknown, item: any) => {
    const column = drawn.find(c => c.key === item.dataKey);
    const row = dataset.rows.find(r => r.label === item.payload.label);
    return column && row
      ? column.format(row.values[column.key] ?? null)
      : String(_value);
  };

  return (
    <div
      role="img"
      aria-label={t('insights.chartLabel', { title: dataset.title })}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <ComposedChart
          data={data}
          margin={{ top: 8, right: hasShare ? 8 : 16, bottom: 0, left: 8 }}
        >
          <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="label"
            tick={tick}
            stroke={colors.grid}
            interval="preserveStartEnd"
          />
          <YAxis
            yAxisId="value"
            allowDecimals={false}
            tick={tick}
            stroke={colors.grid}
            label={axisLabel(dataset.chart?.valueAxisLabel ?? '', 'left')}
          />
          {hasShare && (
            <YAxis
              yAxisId="share"
              orientation="right"
              domain={[0, 1]}
              tickFormatter={(v: number) => formatShare(v, language)}
              tick={tick}
              stroke={colors.grid}
              label={axisLabel(dataset.chart?.shareAxisLabel ?? '', 'right')}
            />
          )}
          <Tooltip
            formatter={formatTooltip}
            contentStyle={{
              backgroundColor: colors.paper,
              borderColor: colors.grid,
              color: colors.text,
            }}
            labelStyle={{ color: colors.text }}
            itemStyle={{ color: colors.text }}
            cursor={{ fill: colors.grid, fillOpacity: 0.3 }}
          />
          {/* A dataset with colours per row has one series: no legend. */}
          {!drawn.some(column => column.series?.rowColors) && (
            <Legend
              formatter={(value: string) => (
                <span style={{ color: colors.text }}>{value}</span>
              )}
            />
          )}
          {drawn.map(column => {
            const series = column.series!;
            const yAxisId = series.axis === 'share' ? 'share' : 'value';
            if (series.type === 'line') {
              return (
                <Line
                  key={column.key}
                  yAxisId={yAxisId}
                  dataKey={column.key}
                  name={column.label}
                  type="linear"
                  stroke={series.color}
                  strokeWidth={2}
                  dot={{ r: 3, fill: series.color }}
                  connectNulls
                  isAnimationActive={false}
                />
              );
            }
            return (
              <Bar
                key={column.key}
                yAxisId={yAxisId}
                dataKey={column.key}
                name={column.label}
                stackId={series.stack}
                fill={series.color}
                // A thin outline in the axis colour: pale fills (SEV4's
                // grey on white) stay visible, and stacked parts apart.
                stroke={colors.axis}
                strokeWidth={0.5}
                isAnimationActive={false}
              >
                {series.rowColors &&
                  data.map((point, i) => (
                    <Cell
                      key={String(point.label)}
                      fill={series.rowColors![i % series.rowColors!.length]}
                    />
                  ))}
              </Bar>
            );
          })}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
};
