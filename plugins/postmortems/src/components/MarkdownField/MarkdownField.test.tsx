import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MarkdownField } from './MarkdownField';

const Field = (props: { initial?: string; error?: string }) => {
  const [value, setValue] = useState(props.initial ?? '');
  return (
    <MarkdownField
      id="summary"
      label="Summary"
      description="What happened, in a few sentences."
      value={value}
      error={props.error}
      onChange={setValue}
    />
  );
};

// Typing and the preview are slow in jsdom on a busy machine.
jest.setTimeout(30_000);

describe('MarkdownField', () => {
  it('is written as Markdown and previewed as it will be shown', async () => {
    renderInTestApp(<Field />);
    const input = await screen.findByLabelText('Summary');
    // Said once, under the field, where it stays while the writer types.
    expect(input).toHaveAccessibleDescription(
      'What happened, in a few sentences.',
    );
    expect(input).not.toHaveAttribute('placeholder');
    expect(
      screen.getAllByText('What happened, in a few sentences.'),
    ).toHaveLength(1);
    await userEvent.type(input, 'The queue **backed up**.');
    await userEvent.click(screen.getByRole('tab', { name: 'Preview' }));
    expect(screen.getByText('backed up').tagName).toBe('STRONG');
    expect(screen.queryByLabelText('Summary')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Write' }));
    expect(screen.getByLabelText('Summary')).toHaveValue(
      'The queue **backed up**.',
    );
  });

  it('says when there is nothing to preview', async () => {
    renderInTestApp(<Field initial="  " />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Preview' }));
    expect(screen.getByText('Nothing to preview yet.')).toBeInTheDocument();
  });

  it('shows its error instead of the description', async () => {
    renderInTestApp(<Field error="must be at most 20000 characters" />);
    const input = await screen.findByLabelText('Summary');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText('must be at most 20000 characters'),
    ).toBeInTheDocument();
  });
});
