import { ReactNode } from 'react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import Chip from '@material-ui/core/Chip';
import { postmortemsTranslationRef } from '../../translation';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDate } from '../../lib/format';
import { SeverityChip } from '../SeverityChip';
import { postmortemFieldsOf } from './documents';
import { ResultLayout } from './ResultLayout';
import { ServiceChips } from './ServiceChips';

/**
 * Props of {@link PostmortemSearchResultListItem}: those the search page
 * passes every result item.
 *
 * @public
 */
export interface PostmortemSearchResultListItemProps {
  /** An icon before the title, or a function of the result that gives one. */
  icon?: ReactNode | ((result: SearchDocument) => ReactNode);
  /** The search document, of type `postmortem`. */
  result?: SearchDocument;
  /** The engine's highlighted title and text. */
  highlight?: ResultHighlight;
  /** The result's position in the list. */
  rank?: number;
  /** How many lines of text to show at most (default 5). */
  lineClamp?: number;
}

/**
 * A postmortem in the portal's search results: its title, the matching
 * part of its text, the services it is about, severity, status, when the
 * incident started and how many action items are still open.
 */
export const PostmortemSearchResultListItem = (
  props: PostmortemSearchResultListItemProps,
) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const { result } = props;
  if (!result) return null;
  const fields = postmortemFieldsOf(result);
  return (
    <ResultLayout
      icon={props.icon}
      result={result}
      highlight={props.highlight}
      lineClamp={props.lineClamp}
      labels={
        <>
          <ServiceChips services={fields.services} />
          {fields.severity && <SeverityChip severity={fields.severity} />}
          {fields.status && (
            <Chip
              size="small"
              label={t('searchResult.status', {
                status: t(`postmortemStatus.${fields.status}`),
              })}
            />
          )}
          {fields.startedAt && (
            <Chip
              size="small"
              label={t('searchResult.startedAt', {
                date: formatDate(fields.startedAt, language),
              })}
            />
          )}
          {fields.openActionItems !== undefined &&
            fields.openActionItems > 0 && (
              <Chip
                size="small"
                variant="outlined"
                label={t('searchResult.openActionItems', {
                  count: fields.openActionItems,
                })}
              />
            )}
        </>
      }
    />
  );
};
