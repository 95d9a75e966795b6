import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SelectField } from './SelectField';

const options = [
  { value: 'open', label: 'Open' },
  { value: 'done', label: 'Done' },
] as const;

function render(props: { error?: string } = {}) {
  const onChange = jest.fn();
  renderInTestApp(
    <SelectField
      id="status"
      label="Status"
      value="open"
      options={options}
      onChange={onChange}
      error={props.error}
    />,
  );
  return onChange;
}

describe('SelectField', () => {
  it('offers its options by label and passes on the chosen value', async () => {
    const onChange = render();
    const select = await screen.findByLabelText('Status');
    expect(select).toHaveTextContent('Open');
    await userEvent.click(select);
    await userEvent.click(await screen.findByRole('option', { name: 'Done' }));
    expect(onChange).toHaveBeenCalledWith('done');
  });

  it('shows its error below it', async () => {
    render({ error: 'must be one of open, done' });
    expect(
      await screen.findByText('must be one of open, done'),
    ).toBeInTheDocument();
  });
});
