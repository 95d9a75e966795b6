import { InfoCard, Link, MarkdownContent } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  ActionItem,
  Postmortem,
  ReadingSession,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useLanguage } from '../../hooks/useLanguage';
import {
  usePostmortemLink,
  useReadingSessionLink,
} from '../../hooks/usePostmortemLink';
import { formatDateTime } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { Fact } from '../Fact';
import { ReadingSessionStatusChip } from '../ReadingSessionStatusChip';

/**
 * One reading session in the list: when, which group, who facilitated,
 * what was read, who came, what was said and which action items it raised.
 */
export const SessionItem = (props: {
  session: ReadingSession;
  pick?: Postmortem;
  actionItems: ActionItem[];
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const postmortemLink = usePostmortemLink();
  const sessionLink = useReadingSessionLink();
  const s = props.session;
  const href = sessionLink(s.id);
  const when = formatDateTime(s.scheduledAt, language);
  const pickHref = s.postmortemId ? postmortemLink(s.postmortemId) : undefined;
  return (
    <Box mb={2} data-testid="reading-session-item">
      <InfoCard
        title={href ? <Link to={href}>{when}</Link> : when}
        subheader={
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            <EntityRefLink entityRef={s.ownerGroup} defaultKind="group" />
            <span>
              {t('readingSession.minutes', {
                minutes: String(s.durationMinutes),
              })}
            </span>
            <ReadingSessionStatusChip status={s.status} />
          </Box>
        }
      >
        <Grid container spacing={2}>
          <Grid item xs={12} md={4}>
            <Fact spacing={1} label={t('readingSession.pick')}>
              {props.pick && (
                <Link to={pickHref ?? ''}>{props.pick.title}</Link>
              )}
              {s.postmortemId &&
                !props.pick &&
                // Open the session to choose another.
                t('sessionPlanning.pickDeleted')}
              {!s.postmortemId && t('readingSession.noPick')}
            </Fact>
            <Fact spacing={1} label={t('readingSession.facilitator')}>
              {s.facilitator ? (
                <EntityRefLink entityRef={s.facilitator} defaultKind="user" />
              ) : (
                t('readingSession.noFacilitator')
              )}
            </Fact>
            <Fact spacing={1} label={t('readingSession.participants')}>
              {s.participants.length > 0 ? (
                <EntityRefLinks
                  entityRefs={s.participants}
                  defaultKind="user"
                />
              ) : (
                t('readingSession.noParticipants')
              )}
            </Fact>
          </Grid>
          <Grid item xs={12} md={8}>
            <Fact spacing={1} label={t('readingSession.notes')}>
              {s.notes?.trim() ? (
                <MarkdownContent content={s.notes} />
              ) : (
                <Typography variant="body2" color="textSecondary">
                  {t('readingSession.noNotes')}
                </Typography>
              )}
            </Fact>
            <Fact spacing={1} label={t('readingSession.raisedActionItems')}>
              {props.actionItems.length > 0 ? (
                <Box component="ul" m={0} pl={2.5}>
                  {props.actionItems.map(item => (
                    <li key={item.id}>
                      {item.title}
                      {' · '}
                      {t(`actionItemStatus.${item.status}`)}
                    </li>
                  ))}
                </Box>
              ) : (
                <Typography variant="body2" color="textSecondary">
                  {t('readingSession.noRaisedActionItems')}
                </Typography>
              )}
            </Fact>
          </Grid>
        </Grid>
      </InfoCard>
    </Box>
  );
};
