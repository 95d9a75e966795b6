import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Picks an entity in an entity picker the way a person does: types the
 * start of its name and clicks the option that appears.
 */
export async function chooseEntity(label: RegExp | string, name: string) {
  // The open list is labelled by the field too: look for the text box.
  const input = () => screen.getByRole('textbox', { name: label });
  await userEvent.click(input());
  // A single picker is remounted once the catalog has answered, which
  // closes its list: type into the picker that is there after that.
  await waitFor(() =>
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument(),
  );
  await userEvent.type(input(), name.slice(0, 2));
  await userEvent.click(
    await screen.findByRole('option', { name: new RegExp(name) }),
  );
}
