import { renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TimelineEditor, TimelineEntryDraft } from './TimelineEditor';

const entries: TimelineEntryDraft[] = [
  { at: '2026-10-01T09:00', text: 'Jobs start to queue' },
  { at: '2026-10-01T11:30', text: 'Customer inquiry arrives' },
];

function render(value = entries, error?: string) {
  const onChange = jest.fn();
  renderInTestApp(
    <TimelineEditor value={value} onChange={onChange} error={error} />,
  );
  return onChange;
}

describe('TimelineEditor', () => {
  it('shows each entry as a time and what happened', async () => {
    render();
    expect(
      await screen.findByRole('heading', { name: 'Timeline' }),
    ).toBeInTheDocument();
    expect(screen.getByDisplayValue('2026-10-01T09:00')).toHaveAttribute(
      'type',
      'datetime-local',
    );
    expect(
      screen.getByDisplayValue('Customer inquiry arrives'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('button', { name: 'Remove timeline entry' }),
    ).toHaveLength(2);
  });

  it('changes the time or the text of one entry only', async () => {
    const onChange = render();
    fireEvent.change(await screen.findByDisplayValue('2026-10-01T11:30'), {
      target: { value: '2026-10-01T11:45' },
    });
    expect(onChange).toHaveBeenLastCalledWith([
      entries[0],
      { at: '2026-10-01T11:45', text: 'Customer inquiry arrives' },
    ]);
    fireEvent.change(screen.getByDisplayValue('Jobs start to queue'), {
      target: { value: 'Jobs queue up' },
    });
    expect(onChange).toHaveBeenLastCalledWith([
      { at: '2026-10-01T09:00', text: 'Jobs queue up' },
      entries[1],
    ]);
  });

  it('adds an empty entry at the end and removes the one asked', async () => {
    const onChange = render();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add timeline entry' }),
    );
    expect(onChange).toHaveBeenLastCalledWith([
      ...entries,
      { at: '', text: '' },
    ]);
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Remove timeline entry' })[0],
    );
    expect(onChange).toHaveBeenLastCalledWith([entries[1]]);
  });

  it('shows the error of a row at its field, and the time zone of every time', async () => {
    renderInTestApp(
      <TimelineEditor
        value={[{ at: '2026-10-01T09:00', text: '' }]}
        onChange={jest.fn()}
        errors={{ 'timeline.0.text': 'Say what happened at this time' }}
      />,
    );
    const text = await screen.findByRole('textbox', { name: 'What happened' });
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(text).toHaveAccessibleDescription('Say what happened at this time');
    expect(screen.getByLabelText('When')).toHaveAccessibleDescription(
      /(\(UTC[+-]\d+(:\d\d)?\)|· UTC)$/,
    );
  });

  it('shows an error about the timeline above it', async () => {
    render([], 'timeline: at most 200 entries');
    expect(
      await screen.findByText('timeline: at most 200 entries'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});
