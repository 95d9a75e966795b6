import {
  appLanguageApiRef,
  useApiHolder,
} from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import useObservable from 'react-use/esm/useObservable';

const FALLBACK_LANGUAGE = 'en';

/**
 * The app's current language, for Intl formatting and template titles.
 * Apps without the language API (older legacy apps) read as English.
 */
export function useLanguage(): string {
  const languageApi = useApiHolder().get(appLanguageApiRef);
  const observable = useMemo(() => languageApi?.language$(), [languageApi]);
  const initial = languageApi?.getLanguage().language ?? FALLBACK_LANGUAGE;
  const snapshot = useObservable(
    observable ?? { subscribe: () => ({ unsubscribe: () => {} }) },
    { language: initial },
  );
  return snapshot.language ?? FALLBACK_LANGUAGE;
}
