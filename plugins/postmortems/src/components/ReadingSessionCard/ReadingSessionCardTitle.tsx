import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { postmortemsTranslationRef } from '../../translation';

/**
 * The group whose session the card shows when none is configured: the SRE
 * team, who run the reading sessions in the example organisation.
 *
 * @public
 */
export const DEFAULT_READING_SESSION_GROUP = 'group:default/sre';

/**
 * The card's heading in the reader's language. The home page's card frame
 * takes a title as a prop; this element is passed there in place of a fixed
 * English string. Kept apart from the card so that the home page can show
 * the heading without loading the card's code.
 *
 * @public
 */
export const ReadingSessionCardTitle = () => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  return <>{t('readingSession.cardTitle')}</>;
};
