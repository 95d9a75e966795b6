import {
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  createPostmortemRequestSchema,
  FieldError,
  fieldErrorsOfIssues,
  incidentTimesError,
  Postmortem,
  PostmortemTemplate,
  sreBookTemplate,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { postmortemsApiRef } from '../../api';
import { useFieldErrorText, useSaveErrors } from '../../hooks/useSaveErrors';
import { placeFieldErrors } from '../../lib/errors';
import { postmortemsTranslationRef } from '../../translation';
import {
  changedFields,
  Draft,
  draftOf,
  emptyDraft,
  requestOf,
  TIME_FIELDS,
} from './draft';
import { localDraftKey } from './localDraft';
import { useLocalDraft } from './useLocalDraft';

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
  const [base, setBase] = useState<Draft>();
  const [touched, setTouched] = useState(false);
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
  const fields = [
    ...FIELDS,
    ...template.sections.map(s => `sections.${s.key}`),
    ...(draft?.timeline ?? []).flatMap((_entry, i) => [
      `timeline.${i}.at`,
      `timeline.${i}.text`,
    ]),
  ];
  const errors = useSaveErrors({ fields });
  const { clear } = errors;
  const fieldErrorText = useFieldErrorText();
  const local = useLocalDraft({
    storageKey: localDraftKey({ postmortemId, entityRef: defaultEntityRef }),
    base,
    draft,
    touched,
  });

  // (Re)start the form from what the server has, on first load and after
  // the writer chose to reload following a conflict.
  useEffect(() => {
    if (!loaded.value) return;
    const { postmortem, author } = loaded.value;
    const initial = postmortem
      ? draftOf(postmortem)
      : emptyDraft({ entityRef: defaultEntityRef, author });
    setOriginal(postmortem);
    setBase(initial);
    setDraft(initial);
    setTouched(false);
    clear();
  }, [loaded.value, defaultEntityRef, clear]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setTouched(true);
    setDraft(previous => previous && { ...previous, [key]: value });
  };

  /**
   * The check the API makes, made first with the same schema, in the
   * writer's words; plus what the schema cannot tell from a request (an
   * empty required time, a timeline row half written).
   */
  const validate = (current: Draft): Partial<Record<string, string>> => {
    const request = requestOf(current);
    const parsed = createPostmortemRequestSchema.safeParse(request);
    const issues: FieldError[] = parsed.success
      ? []
      : fieldErrorsOfIssues(parsed.error.issues);
    // zod leaves out the check across fields while any field is wrong.
    const times = incidentTimesError(request);
    if (times) issues.push(times);
    const found = placeFieldErrors(issues, fields, fieldErrorText);
    if (!current.startedAt) found.startedAt = t('form.required');
    current.timeline.forEach((entry, i) => {
      if (!entry.at && !entry.text.trim()) return;
      if (!entry.at) found[`timeline.${i}.at`] = t('form.timelineAtRequired');
      if (!entry.text.trim()) {
        found[`timeline.${i}.text`] = t('form.timelineTextRequired');
      }
    });
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
        setTouched(false);
        local.forget();
        options.onUpdated();
      } else {
        const created = await api.createPostmortem(request);
        setTouched(false);
        local.forget();
        options.onCreated(created);
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
    /** Unsaved changes from an earlier visit, kept in this browser. */
    keptDraft: local.kept,
    /** Puts the kept changes back into the form. */
    restoreKeptDraft: () => {
      if (!draft) return;
      setTouched(true);
      setDraft(local.restore(draft));
    },
    /** Throws the kept changes away (discard, cancel). */
    discardKeptDraft: local.forget,
  };
}
