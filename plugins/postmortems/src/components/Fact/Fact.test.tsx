import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { Fact } from './Fact';

describe('Fact', () => {
  it('shows a caption over its value', async () => {
    renderInTestApp(
      <Fact label="Severity">
        <strong>SEV2</strong>
      </Fact>,
    );
    const label = await screen.findByText('Severity');
    const value = screen.getByText('SEV2');
    expect(
      label.compareDocumentPosition(value) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(value.tagName).toBe('STRONG');
  });
});
