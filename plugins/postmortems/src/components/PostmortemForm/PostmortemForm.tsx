import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  DETECTIONS,
  POSTMORTEM_STATUSES,
  SEVERITIES,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useEffect, useRef } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDateTime } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { ConflictAlert } from '../ConflictAlert';
import { DateTimeField } from '../DateTimeField';
import { EntityRefPicker } from '../EntityRefPicker';
import { SaveButton } from '../SaveButton';
import { SectionsEditor } from '../SectionsEditor';
import { SelectField } from '../SelectField';
import { TimelineEditor } from '../TimelineEditor';
import { TIME_FIELDS } from './draft';
import { usePostmortemDraft } from './usePostmortemDraft';

/**
 * Writes a new postmortem or edits one (when the route has a
 * `postmortemId`), with one Markdown field per section of its template.
 */
const useStyles = makeStyles(theme => ({
  actions: {
    position: 'sticky',
    bottom: 0,
    zIndex: 2,
    // Outside the card: its overflow would keep the bar from sticking.
    padding: theme.spacing(1.5, 2),
    background: theme.palette.background.paper,
    borderTop: `1px solid ${theme.palette.divider}`,
  },
}));

export const PostmortemForm = (props: {
  /** Pre-selected affected entity for a new postmortem. */
  defaultEntityRef?: string;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const classes = useStyles();
  const language = useLanguage();
  const navigate = useNavigate();
  const { postmortemId } = useParams();
  const editing = Boolean(postmortemId);
  const formRef = useRef<HTMLDivElement>(null);
  const {
    loading,
    loadError,
    reload,
    draft,
    set,
    templates,
    template,
    saving,
    conflict,
    formError,
    fieldErrors: errors,
    save,
    keptDraft,
    restoreKeptDraft,
    discardKeptDraft,
  } = usePostmortemDraft({
    postmortemId,
    defaultEntityRef: props.defaultEntityRef,
    onCreated: created =>
      navigate(`../${encodeURIComponent(created.id)}`, { relative: 'path' }),
    onUpdated: () => navigate('..', { relative: 'path' }),
  });

  // The save button is at the bottom of a long form: take the writer to the
  // first field the check (or the API) found wrong.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"]',
    );
    invalid?.scrollIntoView?.({ block: 'center' });
    invalid?.focus();
  }, [errors]);

  if (loadError) return <ResponseErrorPanel error={loadError} />;
  if (loading || !draft) return <Progress />;

  const select = (
    field: 'status' | 'severity' | 'detection' | 'template',
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <SelectField
      id={`postmortem-${field}`}
      label={label}
      value={draft[field]}
      options={options}
      onChange={value => set(field, value as any)}
      error={errors[field]}
    />
  );

  const timeField = (field: (typeof TIME_FIELDS)[number], label: string) => (
    <DateTimeField
      id={`postmortem-${field}`}
      label={label}
      required={field === 'startedAt'}
      value={draft[field]}
      onChange={value => set(field, value)}
      error={errors[field]}
    />
  );

  return (
    <div ref={formRef}>
      <InfoCard title={editing ? t('form.editTitle') : t('form.createTitle')}>
        {conflict && (
          <Box mb={2}>
            <ConflictAlert onReload={reload} />
          </Box>
        )}
        {keptDraft && (
          <Box mb={2}>
            <Alert
              severity="info"
              action={
                <>
                  <Button
                    color="inherit"
                    size="small"
                    onClick={restoreKeptDraft}
                  >
                    {t('form.restoreDraft')}
                  </Button>
                  <Button
                    color="inherit"
                    size="small"
                    onClick={discardKeptDraft}
                  >
                    {t('form.discardDraft')}
                  </Button>
                </>
              }
            >
              {t('form.localDraft', {
                when: formatDateTime(keptDraft.savedAt, language),
              })}
            </Alert>
          </Box>
        )}
        {formError && (
          <Box mb={2}>
            <Alert severity="error">{formError}</Alert>
          </Box>
        )}
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <TextField
              id="postmortem-title"
              fullWidth
              required
              variant="outlined"
              margin="dense"
              label={t('form.title')}
              value={draft.title}
              onChange={e => set('title', e.target.value)}
              error={Boolean(errors.title)}
              helperText={errors.title}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <EntityRefPicker
              id="postmortem-entityRefs"
              multiple
              required
              kinds={['Component', 'System', 'Resource']}
              label={t('form.entities')}
              value={draft.entityRefs}
              onChange={value => set('entityRefs', value)}
              error={Boolean(errors.entityRefs)}
              helperText={errors.entityRefs ?? t('form.entitiesHelp')}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <EntityRefPicker
              id="postmortem-authors"
              multiple
              kinds={['User']}
              label={t('form.authors')}
              value={draft.authors}
              onChange={value => set('authors', value)}
              error={Boolean(errors.authors)}
              helperText={errors.authors}
            />
          </Grid>
          <Grid item xs={12} md={4}>
            {select(
              'status',
              t('form.status'),
              POSTMORTEM_STATUSES.map(value => ({
                value,
                label: t(`postmortemStatus.${value}`),
              })),
            )}
          </Grid>
          <Grid item xs={12} md={4}>
            {select(
              'severity',
              t('form.severity'),
              SEVERITIES.map(value => ({
                value,
                label: t(`severity.${value}`),
              })),
            )}
          </Grid>
          <Grid item xs={12} md={4}>
            {select(
              'detection',
              t('form.detection'),
              DETECTIONS.map(value => ({
                value,
                label: t(`detection.${value}`),
              })),
            )}
          </Grid>
          <Grid item xs={12} sm={6} md={3}>
            {timeField('startedAt', t('form.startedAt'))}
          </Grid>
          <Grid item xs={12} sm={6} md={3}>
            {timeField('detectedAt', t('form.detectedAt'))}
          </Grid>
          <Grid item xs={12} sm={6} md={3}>
            {timeField('mitigatedAt', t('form.mitigatedAt'))}
          </Grid>
          <Grid item xs={12} sm={6} md={3}>
            {timeField('resolvedAt', t('form.resolvedAt'))}
          </Grid>
          <Grid item xs={12} md={8}>
            <Autocomplete
              multiple
              freeSolo
              options={[] as string[]}
              value={draft.tags}
              onChange={(_e, value) => set('tags', value as string[])}
              renderInput={params => (
                <TextField
                  {...params}
                  id="postmortem-tags"
                  variant="outlined"
                  margin="dense"
                  label={t('form.tags')}
                  error={Boolean(errors.tags)}
                  helperText={errors.tags ?? t('form.tagsHelp')}
                />
              )}
            />
          </Grid>
          <Grid item xs={12} md={4}>
            {!editing &&
              templates.length > 1 &&
              select(
                'template',
                t('form.template'),
                templates.map(candidate => ({
                  value: candidate.id,
                  label:
                    candidate.title[language] ??
                    candidate.title.en ??
                    candidate.id,
                })),
              )}
          </Grid>
          <Grid item xs={12}>
            <SectionsEditor
              sections={template.sections}
              value={draft.sections}
              onChange={value => set('sections', value)}
              errors={errors}
            />
          </Grid>
          <Grid item xs={12}>
            <TimelineEditor
              value={draft.timeline}
              onChange={value => set('timeline', value)}
              error={errors.timeline}
              errors={errors}
            />
          </Grid>
        </Grid>
      </InfoCard>
      {/* A long form: the buttons stay at the bottom of the window. */}
      <Box
        className={classes.actions}
        display="flex"
        justifyContent="flex-end"
        style={{ gap: 8 }}
      >
        <Button
          onClick={() => {
            discardKeptDraft();
            navigate('..', { relative: 'path' });
          }}
        >
          {t('common.cancel')}
        </Button>
        <SaveButton
          saving={saving}
          disabled={conflict}
          label={editing ? t('common.save') : t('form.create')}
          onClick={save}
        />
      </Box>
    </div>
  );
};
