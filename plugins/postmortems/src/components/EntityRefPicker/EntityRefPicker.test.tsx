import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { USERS } from '../../__testUtils__/fixtures';
import { chooseEntity } from '../../__testUtils__/pickers';
import { renderScreen } from '../../__testUtils__/render';
import { EntityRefPicker } from './EntityRefPicker';

// Autocompletes are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

const sre = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'sre', namespace: 'default', title: 'SRE team' },
};

const catalogApi = () => catalogApiMock({ entities: [...USERS, sre] });

const One = (props: { initial?: string; onChange: (v?: string) => void }) => {
  const [value, setValue] = useState(props.initial);
  return (
    <EntityRefPicker
      id="owner"
      kinds={['User']}
      label="Owner"
      value={value}
      onChange={v => {
        setValue(v);
        props.onChange(v);
      }}
      helperText="Who does it"
    />
  );
};

const Many = (props: {
  initial: string[];
  onChange: (v: string[]) => void;
}) => {
  const [value, setValue] = useState(props.initial);
  return (
    <EntityRefPicker
      id="people"
      multiple
      kinds={['User', 'Group']}
      label="People"
      value={value}
      onChange={v => {
        setValue(v);
        props.onChange(v);
      }}
      error
      helperText="Pick at least one"
    />
  );
};

describe('EntityRefPicker', () => {
  it('shows a chosen entity by its title once the catalog has answered', async () => {
    renderScreen(
      <One initial="user:default/kenta.ito" onChange={jest.fn()} />,
      {
        catalogApi: catalogApi(),
      },
    );
    expect(await screen.findByText('Who does it')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByLabelText('Owner')).toHaveValue(
        '伊藤 健太 (user:kenta.ito)',
      ),
    );
  });

  it('offers the entities of its kinds by title and gives back the full ref', async () => {
    const onChange = jest.fn();
    renderScreen(<One initial="user:default/kenta.ito" onChange={onChange} />, {
      catalogApi: catalogApi(),
    });
    // The picker is remounted once the catalog has answered: start then.
    await waitFor(() =>
      expect(screen.getByLabelText('Owner')).toHaveValue(
        '伊藤 健太 (user:kenta.ito)',
      ),
    );
    await userEvent.click(screen.getByLabelText('Owner'));
    expect(
      (await screen.findAllByRole('option')).map(option => option.textContent),
    ).toEqual(['伊藤 健太 (user:kenta.ito)', '小林 芽衣 (user:mei.kobayashi)']);
    await userEvent.click(
      screen.getByRole('option', { name: '小林 芽衣 (user:mei.kobayashi)' }),
    );
    expect(onChange).toHaveBeenLastCalledWith('user:default/mei.kobayashi');
    expect(screen.getByLabelText('Owner')).toHaveValue(
      '小林 芽衣 (user:mei.kobayashi)',
    );
  });

  it('keeps chosen refs the catalog does not know, and adds to them', async () => {
    const onChange = jest.fn();
    renderScreen(<Many initial={['user:default/gone']} onChange={onChange} />, {
      catalogApi: catalogApi(),
    });
    expect(
      await screen.findByRole('button', { name: /user:default\/gone/ }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('People')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await chooseEntity('People', 'SRE team');
    expect(onChange).toHaveBeenLastCalledWith([
      'user:default/gone',
      'group:default/sre',
    ]);
  });
});
