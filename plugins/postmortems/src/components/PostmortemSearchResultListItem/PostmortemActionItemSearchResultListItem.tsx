import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import { postmortemsTranslationRef } from '../../translation';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDate } from '../../lib/format';
import { OverdueChip } from '../OverdueChip/OverdueChip';
import { actionItemFieldsOf, isOverdue } from './documents';
import { PostmortemSearchResultListItemProps } from './PostmortemSearchResultListItem';
import { ResultLayout } from './ResultLayout';
import { ServiceChips } from './ServiceChips';

/**
 * Props of {@link PostmortemActionItemSearchResultListItem}: those the
 * search page passes every result item.
 *
 * @public
 */
export type PostmortemActionItemSearchResultListItemProps =
  PostmortemSearchResultListItemProps;

/**
 * An action item in the portal's search results: its title (linking to the
 * item on its postmortem's page), the matching part of its description,
 * the postmortem it came out of, services, status, owner and due date, and
 * how late it is when it is overdue.
 */
export const PostmortemActionItemSearchResultListItem = (
  props: PostmortemActionItemSearchResultListItemProps,
) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const { result } = props;
  if (!result) return null;
  const fields = actionItemFieldsOf(result);
  return (
    <ResultLayout
      icon={props.icon}
      result={result}
      highlight={props.highlight}
      lineClamp={props.lineClamp}
      labels={
        <>
          {fields.postmortemTitle && (
            <Chip
              size="small"
              label={t('searchResult.postmortem', {
                title: fields.postmortemTitle,
              })}
            />
          )}
          <ServiceChips services={fields.services} />
          {fields.status && (
            <Chip
              size="small"
              label={t('searchResult.status', {
                status: t(`actionItemStatus.${fields.status}`),
              })}
            />
          )}
          {fields.owner && (
            <Chip
              size="small"
              label={t('searchResult.owner', { owner: fields.owner })}
            />
          )}
          {fields.dueDate && (
            <Chip
              size="small"
              label={t('searchResult.dueDate', {
                date: formatDate(fields.dueDate, language),
              })}
            />
          )}
          {isOverdue(fields) && <OverdueChip dueDate={fields.dueDate} />}
        </>
      }
    />
  );
};
