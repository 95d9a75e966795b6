import {
  AppLanguageApi,
  appLanguageApiRef,
  TranslationApi,
  translationApiRef,
  TranslationRef,
} from '@backstage/frontend-plugin-api';
import ja from '../../../translations/ja';
import { postmortemsTranslationRef } from '../../../translation';

// An observable that never changes: the language is fixed in these tests.
const still = () =>
  ({
    subscribe: () => ({ unsubscribe: () => {}, closed: false }),
    [Symbol.observable ?? '@@observable']() {
      return this;
    },
  } as any);

/**
 * The app's APIs for a Japanese UI: the app language `ja`, and a
 * translation API that reads the plugin's Japanese messages (and every
 * other plugin's defaults), with `{{placeholders}}` and plurals as i18next
 * has them. The test app's own translation API only knows English.
 */
export function japaneseApis() {
  const translationApi: TranslationApi = {
    getTranslation(ref: TranslationRef<string, any>) {
      const defaults: Record<string, string> = (
        ref as any
      ).getDefaultMessages();
      const messages: Record<string, string> =
        ref.id === postmortemsTranslationRef.id
          ? { ...defaults, ...ja }
          : defaults;
      const t = (key: string, options?: Record<string, unknown>) => {
        let message = messages[key];
        if (typeof options?.count === 'number') {
          const form = new Intl.PluralRules('ja').select(options.count);
          message =
            messages[`${key}_${form}`] ?? messages[`${key}_other`] ?? message;
        }
        if (message === undefined) return key;
        return message.replace(/{{(\w+)}}/g, (_, name) =>
          String(options?.[name] ?? ''),
        );
      };
      return { ready: true, t: t as any };
    },
    translation$: still,
  };
  const languageApi: AppLanguageApi = {
    getAvailableLanguages: () => ({ languages: ['en', 'ja'] }),
    setLanguage: () => {},
    getLanguage: () => ({ language: 'ja' }),
    language$: still,
  };
  return [
    [translationApiRef, translationApi],
    [appLanguageApiRef, languageApi],
  ] as const;
}
