import {
  InfoCard,
  MarkdownContent,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import {
  alertApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import {
  Postmortem,
  PostmortemTemplate,
  sectionTitle,
  sreBookTemplate,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, formatRelative } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { ConfirmDialog } from '../ConfirmDialog';
import { DetailHeader } from '../DetailHeader';
import { ExportMarkdownButton } from '../ExportMarkdownButton';
import { Fact } from '../Fact';
import { PostmortemActionItems } from '../PostmortemActionItems';
import { deletedPostmortemState } from '../PostmortemList';
import { RevisionHistory } from '../RevisionHistory';
import { ACTION_ITEMS_ANCHOR, PostmortemSummary } from './PostmortemSummary';

function sectionsOf(
  postmortem: Postmortem,
  templates: PostmortemTemplate[],
): PostmortemTemplate['sections'] {
  const template =
    templates.find(candidate => candidate.id === postmortem.template) ??
    (postmortem.template === sreBookTemplate.id ? sreBookTemplate : undefined);
  const known = template?.sections ?? [];
  // Sections the template no longer lists are still shown, under their key,
  // so nothing written is hidden.
  const extra = Object.keys(postmortem.sections)
    .filter(key => !known.some(section => section.key === key))
    .map(key => ({ key, title: {} }));
  return [...known, ...extra];
}

/**
 * One postmortem: its sections as Markdown, the facts of the incident, the
 * timeline, its action items and its history. Reads `postmortemId` from
 * the route.
 */
export const PostmortemDetail = () => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const alertApi = useApi(alertApiRef);
  const language = useLanguage();
  const navigate = useNavigate();
  const { postmortemId = '' } = useParams();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [postmortem, templates] = await Promise.all([
      api.getPostmortem(postmortemId),
      // Without templates the sections still render, titled by their keys.
      api.listTemplates().catch(() => [] as PostmortemTemplate[]),
    ]);
    return { postmortem, templates };
  }, [api, postmortemId]);

  if (loading && !value) return <Progress />;
  if (error) {
    if (ResponseError.is(error) && error.statusCode === 404) {
      return <WarningPanel severity="info" title={t('detail.notFound')} />;
    }
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) return null;
  const { postmortem: p, templates } = value;

  const onDelete = async () => {
    setDeleting(true);
    try {
      await api.deletePostmortem(p.id);
      // The list says it was deleted and offers the undo.
      navigate('..', { relative: 'path', state: deletedPostmortemState(p) });
    } catch (e) {
      alertApi.post({ message: errorMessage(e), severity: 'error' });
      setDeleting(false);
      setConfirmDelete(false);
    }
  };

  const time = (iso?: string) =>
    iso ? formatDateTime(iso, language) : t('common.none');

  return (
    <Box>
      <DetailHeader
        title={p.title}
        subtitle={
          // On the page background, where secondary text falls short of 4.5:1.
          <Typography variant="body2" color="textPrimary">
            {t('detail.lastUpdated', {
              when: formatRelative(p.updatedAt, language),
              user: (
                <EntityRefLink entityRef={p.updatedBy} defaultKind="user" />
              ),
            })}
          </Typography>
        }
        actions={
          <>
            <Box component="span" mr={1}>
              <ExportMarkdownButton
                label={t('markdown.exportOne')}
                load={() => api.exportPostmortemMarkdown(p.id, { language })}
              />
            </Box>
            <Button
              component={RouterLink}
              to="edit"
              color="primary"
              variant="outlined"
              startIcon={<EditIcon />}
              style={{ marginRight: 8 }}
            >
              {t('common.edit')}
            </Button>
            <Button
              color="secondary"
              variant="outlined"
              startIcon={<DeleteIcon />}
              onClick={() => setConfirmDelete(true)}
            >
              {t('common.delete')}
            </Button>
          </>
        }
      />
      <PostmortemSummary postmortem={p} />
      <Grid container spacing={3}>
        <Grid item xs={12} md={8}>
          <InfoCard title={t('detail.sections')}>
            {sectionsOf(p, templates).map(section => (
              <Box key={section.key} mb={3}>
                <Typography variant="h5" component="h2" gutterBottom>
                  {sectionTitle(section, language)}
                </Typography>
                {p.sections[section.key]?.trim() ? (
                  <MarkdownContent content={p.sections[section.key]} />
                ) : (
                  <Typography color="textSecondary">
                    {t('detail.emptySection')}
                  </Typography>
                )}
              </Box>
            ))}
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={4}>
          <InfoCard title={t('detail.metadata')}>
            <Fact label={t('detail.startedAt')}>{time(p.startedAt)}</Fact>
            <Fact label={t('detail.detectedAt')}>{time(p.detectedAt)}</Fact>
            <Fact label={t('detail.mitigatedAt')}>{time(p.mitigatedAt)}</Fact>
            <Fact label={t('detail.resolvedAt')}>{time(p.resolvedAt)}</Fact>
            <Fact label={t('detail.entities')}>
              <EntityRefLinks
                entityRefs={p.entityRefs}
                defaultKind="component"
              />
            </Fact>
            <Fact label={t('detail.authors')}>
              {p.authors.length > 0 ? (
                <EntityRefLinks entityRefs={p.authors} defaultKind="user" />
              ) : (
                t('common.none')
              )}
            </Fact>
            <Fact label={t('detail.tags')}>
              {p.tags.length > 0
                ? p.tags.map(tag => (
                    <Chip
                      key={tag}
                      size="small"
                      label={tag}
                      style={{ marginRight: 4 }}
                    />
                  ))
                : t('common.none')}
            </Fact>
            <Fact label={t('readingSession.readings')}>
              {p.readings && p.readings.count > 0
                ? t('readingSession.readingsCount', {
                    count: p.readings.count,
                    when: p.readings.lastReadAt
                      ? formatRelative(p.readings.lastReadAt, language)
                      : t('common.none'),
                  })
                : t('readingSession.readingsNever')}
            </Fact>
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={8}>
          <InfoCard title={t('detail.timeline')}>
            {p.timeline.length === 0 ? (
              <Typography color="textSecondary">
                {t('detail.emptyTimeline')}
              </Typography>
            ) : (
              <Box component="ol" m={0} pl={2}>
                {[...p.timeline]
                  .sort((a, b) => a.at.localeCompare(b.at))
                  .map((entry, index) => (
                    <li key={`${entry.at}-${index}`}>
                      <Typography variant="body2" component="div">
                        <strong>{formatDateTime(entry.at, language)}</strong>{' '}
                        {entry.text}
                      </Typography>
                    </li>
                  ))}
              </Box>
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={4}>
          <RevisionHistory
            postmortemId={p.id}
            version={p.version}
            sectionName={key =>
              sectionTitle(
                sectionsOf(p, templates).find(
                  section => section.key === key,
                ) ?? {
                  key,
                  title: {},
                },
                language,
              )
            }
          />
        </Grid>
        <Grid item xs={12} id={ACTION_ITEMS_ANCHOR}>
          {/* A change there changes the summary's counts: read them again. */}
          <PostmortemActionItems postmortemId={p.id} onChange={retry} />
        </Grid>
      </Grid>
      <ConfirmDialog
        open={confirmDelete}
        busy={deleting}
        title={t('detail.deleteTitle')}
        body={t('detail.deleteBody', { title: p.title })}
        confirmLabel={t('common.delete')}
        onConfirm={onDelete}
        onClose={() => setConfirmDelete(false)}
      />
    </Box>
  );
};
