import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  DETECTIONS,
  POSTMORTEM_STATUSES,
  Postmortem,
  PostmortemTemplate,
  SEVERITIES,
  sectionTitle,
  sreBookTemplate,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import { errorMessage, fieldErrorsOf, isConflict } from '../../lib/errors';
import { postmortemsTranslationRef } from '../../translation';
import { ConflictAlert } from '../ConflictAlert';
import { EntityRefPicker } from '../EntityRefPicker';
import { SelectField } from '../SelectField';
import { MarkdownField } from '../MarkdownField';
import {
  changedFields,
  Draft,
  draftOf,
  emptyDraft,
  requestOf,
  TIME_FIELDS,
} from './draft';

const FIELDS = [
  'title',
  'entityRefs',
  'status',
  'severity',
  'detection',
  ...TIME_FIELDS,
  'authors',
  'tags',
  'template',
  'sections',
  'timeline',
];

/**
 * Writes a new postmortem or edits one (when the route has a
 * `postmortemId`), with one Markdown field per section of its template.
 */
export const PostmortemForm = (props: {
  /** Pre-selected affected entity for a new postmortem. */
  defaultEntityRef?: string;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const identityApi = useApi(identityApiRef);
  const language = useLanguage();
  const navigate = useNavigate();
  const { postmortemId } = useParams();
  const editing = Boolean(postmortemId);

  const [draft, setDraft] = useState<Draft>();
  const [original, setOriginal] = useState<Postmortem>();
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);

  const loaded = useAsyncRetry(async () => {
    const [templates, postmortem, identity] = await Promise.all([
      api.listTemplates(),
      postmortemId
        ? api.getPostmortem(postmortemId)
        : Promise.resolve(undefined),
      postmortemId
        ? Promise.resolve(undefined)
        : identityApi.getBackstageIdentity().catch(() => undefined),
    ]);
    return { templates, postmortem, author: identity?.userEntityRef };
  }, [api, identityApi, postmortemId]);

  // (Re)start the form from what the server has, on first load and after
  // the writer chose to reload following a conflict.
  useEffect(() => {
    if (!loaded.value) return;
    const { postmortem, author } = loaded.value;
    setOriginal(postmortem);
    setDraft(
      postmortem
        ? draftOf(postmortem)
        : emptyDraft({ entityRef: props.defaultEntityRef, author }),
    );
    setConflict(false);
    setErrors({});
    setFormError(undefined);
  }, [loaded.value, props.defaultEntityRef]);

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

  if (loaded.error) return <ResponseErrorPanel error={loaded.error} />;
  if (!draft || !loaded.value) return <Progress />;

  const templates: PostmortemTemplate[] = loaded.value.templates.length
    ? loaded.value.templates
    : [sreBookTemplate];
  const template =
    templates.find(candidate => candidate.id === draft.template) ??
    templates[0];

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft(previous => previous && { ...previous, [key]: value });

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!draft.title.trim()) found.title = t('form.required');
    if (draft.entityRefs.length === 0) found.entityRefs = t('form.required');
    if (!draft.startedAt) found.startedAt = t('form.required');
    return found;
  };

  const save = async () => {
    const invalid = validate();
    setErrors(invalid);
    setFormError(undefined);
    if (Object.keys(invalid).length > 0) {
      setFormError(t('form.invalid'));
      return;
    }
    setSaving(true);
    try {
      const request = requestOf(draft);
      if (original) {
        await api.updatePostmortem(original.id, {
          ...changedFields(requestOf(draftOf(original)), request),
          version: original.version,
        });
        navigate('..', { relative: 'path' });
      } else {
        const created = await api.createPostmortem(request);
        navigate(`../${encodeURIComponent(created.id)}`, { relative: 'path' });
      }
    } catch (e) {
      if (isConflict(e)) {
        setConflict(true);
      } else {
        const sectionFields = template.sections.map(s => `sections.${s.key}`);
        const found = fieldErrorsOf(e, [...FIELDS, ...sectionFields]);
        if (found) {
          setErrors(found);
          setFormError(t('form.invalid'));
        } else {
          setFormError(errorMessage(e));
        }
      }
    } finally {
      setSaving(false);
    }
  };

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
    <TextField
      id={`postmortem-${field}`}
      type="datetime-local"
      fullWidth
      variant="outlined"
      margin="dense"
      label={label}
      required={field === 'startedAt'}
      value={draft[field]}
      onChange={e => set(field, e.target.value)}
      error={Boolean(errors[field])}
      helperText={errors[field]}
      InputLabelProps={{ shrink: true }}
    />
  );

  return (
    <div ref={formRef}>
      <InfoCard title={editing ? t('form.editTitle') : t('form.createTitle')}>
        {conflict && (
          <Box mb={2}>
            <ConflictAlert onReload={loaded.retry} />
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
            <Typography variant="h6" component="h2" gutterBottom>
              {t('form.sections')}
            </Typography>
            {errors.sections && (
              <Alert severity="error">{errors.sections}</Alert>
            )}
            {template.sections.map(section => (
              <MarkdownField
                key={section.key}
                id={`postmortem-section-${section.key}`}
                label={sectionTitle(section, language)}
                description={
                  section.description?.[language] ?? section.description?.en
                }
                value={draft.sections[section.key] ?? ''}
                error={errors[`sections.${section.key}`]}
                onChange={value =>
                  set('sections', { ...draft.sections, [section.key]: value })
                }
              />
            ))}
          </Grid>
          <Grid item xs={12}>
            <Typography variant="h6" component="h2" gutterBottom>
              {t('form.timeline')}
            </Typography>
            {errors.timeline && (
              <Alert severity="error">{errors.timeline}</Alert>
            )}
            {draft.timeline.map((entry, index) => (
              <Box
                key={index}
                display="flex"
                alignItems="center"
                style={{ gap: 8 }}
              >
                <TextField
                  type="datetime-local"
                  variant="outlined"
                  margin="dense"
                  label={t('form.timelineAt')}
                  value={entry.at}
                  InputLabelProps={{ shrink: true }}
                  onChange={e =>
                    set(
                      'timeline',
                      draft.timeline.map((other, i) =>
                        i === index ? { ...other, at: e.target.value } : other,
                      ),
                    )
                  }
                />
                <TextField
                  variant="outlined"
                  margin="dense"
                  fullWidth
                  label={t('form.timelineText')}
                  value={entry.text}
                  onChange={e =>
                    set(
                      'timeline',
                      draft.timeline.map((other, i) =>
                        i === index
                          ? { ...other, text: e.target.value }
                          : other,
                      ),
                    )
                  }
                />
                <IconButton
                  aria-label={t('form.removeTimelineEntry')}
                  onClick={() =>
                    set(
                      'timeline',
                      draft.timeline.filter((_other, i) => i !== index),
                    )
                  }
                >
                  <DeleteIcon />
                </IconButton>
              </Box>
            ))}
            <Button
              startIcon={<AddIcon />}
              onClick={() =>
                set('timeline', [...draft.timeline, { at: '', text: '' }])
              }
            >
              {t('form.addTimelineEntry')}
            </Button>
          </Grid>
          <Grid item xs={12}>
            <Box display="flex" justifyContent="flex-end" style={{ gap: 8 }}>
              <Button onClick={() => navigate('..', { relative: 'path' })}>
                {t('common.cancel')}
              </Button>
              <Button
                color="primary"
                variant="contained"
                disabled={saving || conflict}
                onClick={save}
              >
                {(() => {
                  if (saving) return t('common.saving');
                  return editing ? t('common.save') : t('form.create');
                })()}
              </Button>
            </Box>
          </Grid>
        </Grid>
      </InfoCard>
    </div>
  );
};
