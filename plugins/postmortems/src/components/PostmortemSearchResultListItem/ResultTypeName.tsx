import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { postmortemsTranslationRef } from '../../translation';

/**
 * The name of a result type in the search page's type filter, in the app's
 * language.
 */
export const ResultTypeName = (props: {
  type: 'postmortem' | 'actionItem';
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  return (
    <>
      {props.type === 'postmortem'
        ? t('searchResult.resultType')
        : t('searchResult.actionItemResultType')}
    </>
  );
};
