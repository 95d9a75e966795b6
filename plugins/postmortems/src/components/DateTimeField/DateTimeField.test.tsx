import { renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { DateTimeField } from './DateTimeField';

describe('DateTimeField', () => {
  it('is a datetime-local input with its label kept above the value', async () => {
    renderInTestApp(
      <DateTimeField
        id="at"
        label="Started at"
        value="2026-10-01T09:00"
        onChange={jest.fn()}
      />,
    );
    const input = await screen.findByLabelText('Started at');
    expect(input).toHaveAttribute('type', 'datetime-local');
    expect(input).toHaveValue('2026-10-01T09:00');
    expect(input).not.toBeRequired();
    expect(input).toHaveAttribute('aria-invalid', 'false');
    // Shrunk, so the browser's own placeholder does not run into it.
    expect(
      screen.getByText('Started at', { selector: 'label' }),
    ).toHaveAttribute('data-shrink', 'true');
  });

  it('says below it the time as the app writes times, and its time zone', async () => {
    renderInTestApp(
      <DateTimeField
        id="at"
        label="Started at"
        value="2026-12-04T07:00"
        onChange={jest.fn()}
      />,
    );
    const input = await screen.findByLabelText('Started at');
    // The zone of the machine the test runs on: `Area/City (UTC±h)`, or UTC.
    expect(input).toHaveAccessibleDescription(
      /^Dec 4, 2026, 7:00\sAM · (\S+ \(UTC[+-]\d+(:\d\d)?\)|UTC)$/,
    );
  });

  it('passes on what is typed, as the input has it', async () => {
    const onChange = jest.fn();
    renderInTestApp(
      <DateTimeField id="at" label="At" value="" onChange={onChange} />,
    );
    fireEvent.change(await screen.findByLabelText('At'), {
      target: { value: '2026-12-04T16:30' },
    });
    expect(onChange).toHaveBeenCalledWith('2026-12-04T16:30');
  });

  it('shows its error below it and can be required', async () => {
    renderInTestApp(
      <DateTimeField
        id="at"
        label="Started at"
        value=""
        required
        error="Required"
        onChange={jest.fn()}
      />,
    );
    const input = await screen.findByLabelText(/^Started at/);
    expect(input).toBeRequired();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Required')).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription(/^Required.*UTC/);
  });
});
