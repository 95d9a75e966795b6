import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntityPresentation } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  ReadingSessionSuggestion,
  SuggestionReason,
} from '@postmortems/backstage-plugin-postmortems-common';
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

/** At most this many chips per suggestion: the ones that weigh most. */
export const MAX_REASON_CHIPS = 3;

/**
 * The reasons worth a chip, heaviest first as the API sends them: not the
 * severity (the suggestion's severity badge already shows it), not the age
 * beside an anniversary (which says it better), at most three.
 */
export function chipReasons(reasons: SuggestionReason[]): SuggestionReason[] {
  const anniversary = reasons.some(r => r.code === 'anniversary');
  return reasons
    .filter(
      r =>
        r.code !== 'severity' && !(anniversary && r.code === 'older_incident'),
    )
    .slice(0, MAX_REASON_CHIPS);
}

/**
 * Says a suggestion reason in the reader's language. The API sends codes
 * with parameters rather than sentences so that each language can phrase
 * them its own way.
 */
export function useSuggestionReasonText(): (
  reason: SuggestionReason,
  /** The catalog's title of the reason's entity, if it names one. */
  entityTitle?: string,
) => string {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  return (reason: SuggestionReason, entityTitle?: string) => {
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
              entity: entityTitle ?? reason.entityRef,
            })
          : t('readingSession.reason.serviceNotCovered', {
              entity: entityTitle ?? reason.entityRef,
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

/** A reason naming an entity, by its title in the catalog (請求管理ロボ). */
const EntityReasonLabel = (props: {
  reason: Extract<SuggestionReason, { entityRef: string }>;
}) => {
  const text = useSuggestionReasonText();
  const { primaryTitle } = useEntityPresentation(props.reason.entityRef, {
    defaultKind: 'component',
  });
  return <>{text(props.reason, primaryTitle)}</>;
};

/** A reason in the reader's language. */
export const SuggestionReasonLabel = (props: { reason: SuggestionReason }) => {
  const text = useSuggestionReasonText();
  const { reason } = props;
  return reason.code === 'service_not_covered' ? (
    <EntityReasonLabel reason={reason} />
  ) : (
    <>{text(reason)}</>
  );
};

/**
 * Why a postmortem is suggested for a reading session, as at most three
 * chips (see {@link chipReasons}).
 */
export const SuggestionReasons = (props: { reasons: SuggestionReason[] }) => {
  const text = useSuggestionReasonText();
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
      {chipReasons(props.reasons)
        // A reason code newer than this frontend has no words: no chip.
        .filter(reason => text(reason, '') !== '')
        .map((reason, index) => (
          <Chip
            key={`${reason.code}-${index}`}
            size="small"
            variant="outlined"
            label={<SuggestionReasonLabel reason={reason} />}
          />
        ))}
    </Box>
  );
};

/**
 * One line on why the first suggestion outranks the second: its score
 * against the runner-up's and the reason that weighs most.
 */
export const RankHint = (props: {
  first: ReadingSessionSuggestion;
  second?: ReadingSessionSuggestion;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const { first, second } = props;
  const top = first.reasons[0];
  if (!second || !top) return null;
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="p"
      data-testid="rank-hint"
    >
      {t('sessionPlanning.rankHint', {
        score: String(first.score),
        next: String(second.score),
      })}{' '}
      <SuggestionReasonLabel reason={top} />
    </Typography>
  );
};
