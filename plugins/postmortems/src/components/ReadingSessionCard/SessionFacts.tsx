import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import EventIcon from '@material-ui/icons/Event';
import { ReadingSession } from '@postmortems/backstage-plugin-postmortems-common';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDateTime } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { ReadingSessionStatusChip } from '../ReadingSessionStatusChip';

/** When, how long, its status and who facilitates. */
export const SessionFacts = (props: { session: ReadingSession }) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const s = props.session;
  return (
    <Box mb={1}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <EventIcon fontSize="small" color="action" />
        <Typography variant="h6" component="p">
          {formatDateTime(s.scheduledAt, language)}
        </Typography>
        <Typography variant="body2" color="textSecondary" component="span">
          {t('readingSession.minutes', { minutes: String(s.durationMinutes) })}
        </Typography>
        <ReadingSessionStatusChip status={s.status} />
      </Box>
      <Typography variant="body2" component="p">
        {t('readingSession.facilitator')}:{' '}
        {s.facilitator ? (
          <EntityRefLink entityRef={s.facilitator} defaultKind="user" />
        ) : (
          t('readingSession.noFacilitator')
        )}
      </Typography>
    </Box>
  );
};
