import { act, renderHook } from '@testing-library/react';
import { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { useQueryParams } from './useQueryParams';

const KEYS = ['q', 'entityRef'] as const;

function setup(initial: string) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter
      initialEntries={[initial]}
      future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
    >
      {children}
    </MemoryRouter>
  );
  return renderHook(
    () => ({ params: useQueryParams(KEYS), location: useLocation() }),
    { wrapper },
  );
}

describe('useQueryParams', () => {
  it('reads single and repeated values, ignoring empty ones', () => {
    const { result } = setup('/?q=db&entityRef=a&entityRef=b&entityRef=');
    expect(result.current.params.value('q')).toBe('db');
    expect(result.current.params.values.entityRef).toEqual(['a', 'b']);
    expect(result.current.params.active).toBe(true);
  });

  it('writes only its own keys and keeps the others', () => {
    const { result } = setup('/?deleted=true&q=old');
    act(() => result.current.params.set({ q: 'new', entityRef: ['x', 'y'] }));
    expect(result.current.location.search).toBe(
      '?deleted=true&q=new&entityRef=x&entityRef=y',
    );
    act(() => result.current.params.set({ q: '' }));
    expect(result.current.params.value('q')).toBeUndefined();
    expect(result.current.params.values.entityRef).toEqual(['x', 'y']);
  });

  it('clears all of its keys', () => {
    const { result } = setup('/?deleted=true&q=db&entityRef=a');
    act(() => result.current.params.clear());
    expect(result.current.location.search).toBe('?deleted=true');
    expect(result.current.params.active).toBe(false);
  });
});
