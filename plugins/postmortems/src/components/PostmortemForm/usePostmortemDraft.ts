import {
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  Postmortem,
  PostmortemTemplate,
  sreBookTemplate,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { postmortemsApiRef } from '../../api';
import { useSaveErrors } from '../../hooks/useSaveErrors';
import { postmortemsTranslationRef } from '../../translation';
import {
  changedFields,
  Draft,
  draftOf,
  emptyDraft,
  requestOf,
  TIME_FIELDS,
} from './draft';

/** The fields a 400 may name, besides `sections.<key>`. */
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
 * The state of the postmortem form: the draft (a new one, or the
 * postmortem being edited as the server has it), the templates to write it
 * in, and saving it, with what went wrong where the form shows it.
 */
export function usePostmortemDraft(options: {
  /** The postmortem to edit; absent to write a new one. */
  postmortemId?: string;
  /** Pre-selected affected entity for a new postmortem. */
  defaultEntityRef?: string;
  onCreated: (postmortem: Postmortem) => void;
  onUpdated: () => void;
}) {
  const { postmortemId, defaultEntityRef } = options;
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const identityApi = useApi(identityApiRef);
  const [draft, setDraft] = useState<Draft>();
  const [original, setOriginal] = useState<Postmortem>();
  const [saving, setSaving] = useState(false);

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

  const templates: PostmortemTemplate[] = loaded.value?.templates.length
    ? loaded.value.templates
    : [sreBookTemplate];
  const template =
    templates.find(candidate => candidate.id === draft?.template) ??
    templates[0];
  const errors = useSaveErrors({
    fields: [...FIELDS, ...template.sections.map(s => `sections.${s.key}`)],
  });
  const { clear } = errors;

  // (Re)start the form from what the server has, on first load and after
  // the writer chose to reload following a conflict.
  useEffect(() => {
    if (!loaded.value) return;
    const { postmortem, author } = loaded.value;
    setOriginal(postmortem);
    setDraft(
      postmortem
        ? draftOf(postmortem)
        : emptyDraft({ entityRef: defaultEntityRef, author }),
    );
    clear();
  }, [loaded.value, defaultEntityRef, clear]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft(previous => previous && { ...previous, [key]: value });

  const validate = (current: Draft): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!current.title.trim()) found.title = t('form.required');
    if (current.entityRefs.length === 0) found.entityRefs = t('form.required');
    if (!current.startedAt) found.startedAt = t('form.required');
    return found;
  };

  const save = async () => {
    if (!draft) return;
    const invalid = validate(draft);
    clear();
    errors.setFieldErrors(invalid);
    if (Object.keys(invalid).length > 0) {
      errors.setFormError(t('form.invalid'));
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
        options.onUpdated();
      } else {
        options.onCreated(await api.createPostmortem(request));
      }
    } catch (e) {
      // Under the fields, the message above the form only says to look there.
      if (errors.fail(e) === 'fields') errors.setFormError(t('form.invalid'));
    } finally {
      setSaving(false);
    }
  };

  return {
    /** Set while the draft cannot be shown yet. */
    loading: !draft || !loaded.value,
    loadError: loaded.error,
    /** Starts over from what the server has now (after a conflict). */
    reload: loaded.retry,
    draft,
    set,
    templates,
    template,
    saving,
    conflict: errors.conflict,
    formError: errors.formError,
    fieldErrors: errors.fieldErrors,
    save,
  };
}
