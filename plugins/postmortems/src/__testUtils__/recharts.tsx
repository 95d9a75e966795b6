import { cloneElement, ReactElement } from 'react';

/**
 * recharts with a ResponsiveContainer of a fixed size, as jsdom lays
 * nothing out (every element measures 0 × 0) and has no ResizeObserver.
 * Use it as the module factory of a test:
 *
 * `jest.mock('recharts', () => require('…/__testUtils__/recharts').fixedSizeRecharts());`
 */
export function fixedSizeRecharts() {
  const actual = jest.requireActual('recharts');
  return {
    ...actual,
    ResponsiveContainer: (props: { children: ReactElement }) =>
      cloneElement(props.children, { width: 640, height: 300 }),
  };
}
