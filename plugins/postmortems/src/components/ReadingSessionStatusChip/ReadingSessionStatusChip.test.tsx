import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { ReadingSessionStatus } from '@postmortems/backstage-plugin-postmortems-common';
import {
  ReadingSessionStatusChip,
  useReadingSessionStatusLabel,
} from './ReadingSessionStatusChip';

const Labels = (props: { statuses: ReadingSessionStatus[] }) => {
  const label = useReadingSessionStatusLabel();
  return <p>{props.statuses.map(label).join(', ')}</p>;
};

describe('ReadingSessionStatusChip', () => {
  it('names every status', async () => {
    renderInTestApp(<Labels statuses={['planned', 'held', 'cancelled']} />);
    expect(
      await screen.findByText('Planned, Held, Cancelled'),
    ).toBeInTheDocument();
  });

  it('makes held sessions stand out as done and planned ones outlined', async () => {
    renderInTestApp(
      <>
        <ReadingSessionStatusChip status="planned" />
        <ReadingSessionStatusChip status="held" />
        <ReadingSessionStatusChip status="cancelled" />
      </>,
    );
    const chip = async (label: string) =>
      (await screen.findByText(label)).closest('.MuiChip-root');
    expect(await chip('Held')).toHaveClass('MuiChip-colorPrimary');
    expect(await chip('Planned')).toHaveClass('MuiChip-outlined');
    expect(await chip('Planned')).not.toHaveClass('MuiChip-colorPrimary');
    expect(await chip('Cancelled')).not.toHaveClass('MuiChip-outlined');
  });
});
