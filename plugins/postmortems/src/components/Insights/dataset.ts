/**
 * One set of numbers of the insights, as every view of it needs them: the
 * chart draws it, the table view lists it and the CSV download writes it,
 * so the three always show the same numbers.
 */
export interface InsightsDataset {
  /** Names the CSV file and the view's elements. */
  id: string;
  title: string;
  /** The heading of the first column: what a row is (a month, an owner). */
  categoryLabel: string;
  columns: DatasetColumn[];
  rows: DatasetRow[];
  /** How to draw it; a dataset without is shown as a table only. */
  chart?: {
    /** The left axis: the bars, and lines without `axis: 'share'`. */
    valueAxisLabel: string;
    /** The right axis, from 0 to 100%, for lines with `axis: 'share'`. */
    shareAxisLabel?: string;
  };
}

/** A column of numbers. */
export interface DatasetColumn {
  key: string;
  label: string;
  /** The CSV's heading, when its unit differs from the table's. */
  csvLabel?: string;
  /** The value as the table shows it. */
  format: (value: number | null) => string;
  /** How the chart draws the column; absent: table and CSV only. */
  series?: {
    type: 'bar' | 'line';
    color: string;
    /** Bars of one stack are drawn on top of each other. */
    stack?: string;
    /** A share (0 to 1) on the right axis. */
    axis?: 'share';
    /** The chart's value is the column's times this (minutes as hours). */
    scale?: number;
    /** A colour per row instead of `color` (bars only). */
    rowColors?: readonly string[];
  };
}

/** A row: a month, a quarter, an owner or an entity. */
export interface DatasetRow {
  /** The category as the CSV writes it: `2026-03`, an entity ref. */
  key: string;
  /** The category as the table and the chart show it. */
  label: string;
  /** The table links the row's label to this entity's page. */
  entityRef?: string;
  values: Record<string, number | null>;
}
