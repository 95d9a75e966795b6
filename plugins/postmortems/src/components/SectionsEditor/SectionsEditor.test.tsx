import { renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { PostmortemTemplate } from '@postmortems/backstage-plugin-postmortems-common';
import { SectionsEditor } from './SectionsEditor';

const sections: PostmortemTemplate['sections'] = [
  {
    key: 'summary',
    title: { en: 'Summary', ja: '概要' },
    description: { en: 'What happened, in a few sentences.' },
  },
  { key: 'impact', title: { en: 'Impact' } },
];

describe('SectionsEditor', () => {
  it('has one Markdown field per section, titled and described by the template', async () => {
    renderInTestApp(
      <SectionsEditor
        sections={sections}
        value={{ impact: 'Invoices were late.' }}
        onChange={jest.fn()}
      />,
    );
    expect(
      await screen.findByRole('heading', { name: 'Sections' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Summary')).toHaveValue('');
    expect(screen.getByLabelText('Summary')).toHaveAccessibleDescription(
      'What happened, in a few sentences.',
    );
    expect(
      screen.getAllByText('What happened, in a few sentences.'),
    ).toHaveLength(1);
    expect(screen.getByLabelText('Impact')).toHaveValue('Invoices were late.');
  });

  it('changes one section and keeps the others', async () => {
    const onChange = jest.fn();
    renderInTestApp(
      <SectionsEditor
        sections={sections}
        value={{ impact: 'Invoices were late.' }}
        onChange={onChange}
      />,
    );
    fireEvent.change(await screen.findByLabelText('Summary'), {
      target: { value: 'The queue backed up.' },
    });
    expect(onChange).toHaveBeenCalledWith({
      impact: 'Invoices were late.',
      summary: 'The queue backed up.',
    });
  });

  it('shows an error about all sections above them and one about a section at it', async () => {
    renderInTestApp(
      <SectionsEditor
        sections={sections}
        value={{}}
        onChange={jest.fn()}
        errors={{
          sections: 'too many sections',
          'sections.impact': 'must be at most 20000 characters',
          title: 'not about sections',
        }}
      />,
    );
    expect(await screen.findByText('too many sections')).toBeInTheDocument();
    expect(screen.getByLabelText('Impact')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByLabelText('Summary')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
    expect(
      screen.getByText('must be at most 20000 characters'),
    ).toBeInTheDocument();
    expect(screen.queryByText('not about sections')).not.toBeInTheDocument();
  });
});
