import { parseEntityRef } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { SuggestionReason } from '@postmortems/backstage-plugin-postmortems-common';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDuration } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';

/** "7 months ago" / "7 か月前"; whole years once it is two years or more. */
export function formatMonthsAgo(months: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return months >= 24
    ? format.format(-Math.floor(months / 12), 'year')
    : format.format(-months, 'month');
}

function entityName(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/**
 * Says a suggestion reason in the reader's language. The API sends codes
 * with parameters rather than sentences so that each language can phrase
 * them its own way.
 */
export function useSuggestionReasonText(): (
  reason: SuggestionReason,
) => string {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  return (reason: SuggestionReason) => {
    switch (reason.code) {
      case 'severity':
        return t('readingSession.reason.severity', {
          severity: t(`severity.${reason.severity}`),
        });
      case 'long_impact':
        return t('readingSession.reason.longImpact', {
          duration: formatDuration(reason.minutes * 60_000, language),
        });
      case 'never_read':
        return t('readingSession.reason.neverRead');
      case 'read_long_ago':
        return t('readingSession.reason.readLongAgo', {
          ago: formatMonthsAgo(reason.months, language),
        });
      case 'open_action_items':
        return t('readingSession.reason.openActionItems', {
          count: reason.count,
        });
      case 'overdue_action_items':
        return t('readingSession.reason.overdueActionItems', {
          count: reason.count,
        });
      case 'older_incident':
        // Whole months or years, rounded down: "over 6 months old" stays
        // true beside the card's rounded "7 months ago".
        return reason.months >= 24
          ? t('readingSession.reason.olderIncidentYears', {
              n: String(Math.floor(reason.months / 12)),
            })
          : t('readingSession.reason.olderIncidentMonths', {
              n: String(reason.months),
            });
      case 'service_not_covered':
        return reason.months === undefined
          ? t('readingSession.reason.serviceNeverCovered', {
              entity: entityName(reason.entityRef),
            })
          : t('readingSession.reason.serviceNotCovered', {
              entity: entityName(reason.entityRef),
              months: String(reason.months),
            });
      case 'anniversary':
        return t('readingSession.reason.anniversary', { count: reason.years });
      default:
        // A reason code newer than this frontend: say nothing rather than
        // show a raw code.
        return '';
    }
  };
}

/** Why a postmortem is suggested for a reading session, as chips. */
export const SuggestionReasons = (props: { reasons: SuggestionReason[] }) => {
  const text = useSuggestionReasonText();
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
      {props.reasons
        .map(reason => text(reason))
        .filter(Boolean)
        .map(label => (
          <Chip key={label} size="small" variant="outlined" label={label} />
        ))}
    </Box>
  );
};
