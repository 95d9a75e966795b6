import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SaveButton } from './SaveButton';

describe('SaveButton', () => {
  it('says Save, or what it was told, and saves on a click', async () => {
    const onClick = jest.fn();
    renderInTestApp(
      <>
        <SaveButton saving={false} onClick={onClick} />
        <SaveButton
          saving={false}
          label="Create postmortem"
          onClick={jest.fn()}
        />
      </>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(
      screen.getByRole('button', { name: 'Create postmortem' }),
    ).toBeEnabled();
  });

  it('says Saving… and cannot be clicked again while the save runs', async () => {
    const onClick = jest.fn();
    renderInTestApp(
      <SaveButton saving label="Create postmortem" onClick={onClick} />,
    );
    const button = await screen.findByRole('button', { name: 'Saving…' });
    expect(button).toBeDisabled();
    expect(screen.queryByText('Create postmortem')).not.toBeInTheDocument();
  });

  it('is disabled for another reason when told', async () => {
    renderInTestApp(<SaveButton saving={false} disabled onClick={jest.fn()} />);
    expect(await screen.findByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('is contained unless asked to be a text button', async () => {
    renderInTestApp(
      <>
        <SaveButton saving={false} label="Main" onClick={jest.fn()} />
        <SaveButton
          saving={false}
          label="Secondary"
          variant="text"
          onClick={jest.fn()}
        />
      </>,
    );
    expect(await screen.findByRole('button', { name: 'Main' })).toHaveClass(
      'MuiButton-contained',
    );
    expect(screen.getByRole('button', { name: 'Secondary' })).not.toHaveClass(
      'MuiButton-contained',
    );
  });
});
