import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { postmortemsTranslationRef } from '../../translation';

/** The label of a postmortem field as the form shows it. */
export function useFieldLabel(): (field: string) => string {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const labels: Record<string, string> = {
    title: t('form.title'),
    entityRefs: t('form.entities'),
    status: t('form.status'),
    severity: t('form.severity'),
    detection: t('form.detection'),
    startedAt: t('form.startedAt'),
    detectedAt: t('form.detectedAt'),
    mitigatedAt: t('form.mitigatedAt'),
    resolvedAt: t('form.resolvedAt'),
    authors: t('form.authors'),
    tags: t('form.tags'),
    template: t('form.template'),
    sections: t('form.sections'),
    timeline: t('form.timeline'),
  };
  // Fields the form does not know (a newer backend) show as the API names them.
  return field => labels[field] ?? field;
}
