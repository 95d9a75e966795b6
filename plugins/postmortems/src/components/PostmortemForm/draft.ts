import {
  CreatePostmortemRequest,
  DEFAULT_TEMPLATE_ID,
  Detection,
  Postmortem,
  PostmortemStatus,
  Severity,
} from '@postmortems/backstage-plugin-postmortems-common';
import { fromDateTimeLocal, toDateTimeLocal } from '../../lib/datetime';

/** The form's state: times as `datetime-local` values, not ISO. */
export interface Draft {
  title: string;
  entityRefs: string[];
  status: PostmortemStatus;
  severity: Severity;
  detection: Detection;
  startedAt: string;
  detectedAt: string;
  mitigatedAt: string;
  resolvedAt: string;
  authors: string[];
  tags: string[];
  template: string;
  sections: Record<string, string>;
  timeline: { at: string; text: string }[];
}

export const TIME_FIELDS = [
  'startedAt',
  'detectedAt',
  'mitigatedAt',
  'resolvedAt',
] as const;

export function emptyDraft(options: {
  entityRef?: string;
  author?: string;
}): Draft {
  return {
    title: '',
    entityRefs: options.entityRef ? [options.entityRef] : [],
    status: 'draft',
    severity: 'sev3',
    detection: 'monitoring_alert',
    startedAt: '',
    detectedAt: '',
    mitigatedAt: '',
    resolvedAt: '',
    authors: options.author ? [options.author] : [],
    tags: [],
    template: DEFAULT_TEMPLATE_ID,
    sections: {},
    timeline: [],
  };
}

export function draftOf(postmortem: Postmortem): Draft {
  return {
    title: postmortem.title,
    entityRefs: postmortem.entityRefs,
    status: postmortem.status,
    severity: postmortem.severity,
    detection: postmortem.detection,
    startedAt: toDateTimeLocal(postmortem.startedAt),
    detectedAt: toDateTimeLocal(postmortem.detectedAt),
    mitigatedAt: toDateTimeLocal(postmortem.mitigatedAt),
    resolvedAt: toDateTimeLocal(postmortem.resolvedAt),
    authors: postmortem.authors,
    tags: postmortem.tags,
    template: postmortem.template,
    sections: { ...postmortem.sections },
    timeline: postmortem.timeline.map(entry => ({
      at: toDateTimeLocal(entry.at),
      text: entry.text,
    })),
  };
}

/** The draft as the API's create body; cleared times become null. */
export function requestOf(draft: Draft): CreatePostmortemRequest {
  const sections = Object.fromEntries(
    Object.entries(draft.sections).filter(([, text]) => text.trim() !== ''),
  );
  return {
    title: draft.title.trim(),
    entityRefs: draft.entityRefs,
    status: draft.status,
    severity: draft.severity,
    detection: draft.detection,
    startedAt: fromDateTimeLocal(draft.startedAt) ?? '',
    detectedAt: fromDateTimeLocal(draft.detectedAt) ?? null,
    mitigatedAt: fromDateTimeLocal(draft.mitigatedAt) ?? null,
    resolvedAt: fromDateTimeLocal(draft.resolvedAt) ?? null,
    authors: draft.authors,
    tags: draft.tags,
    template: draft.template,
    sections,
    timeline: draft.timeline
      // A row half written is the check's to report, not to drop.
      .filter(entry => entry.at || entry.text.trim())
      .map(entry => ({
        at: fromDateTimeLocal(entry.at) ?? entry.at,
        text: entry.text.trim(),
      })),
  };
}

/**
 * The fields of `next` that differ from `previous`: a PATCH carries only
 * what the writer changed, so the revision history names just that.
 */
export function changedFields(
  previous: CreatePostmortemRequest,
  next: CreatePostmortemRequest,
): Partial<CreatePostmortemRequest> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof CreatePostmortemRequest)[]) {
    if (
      JSON.stringify(previous[key] ?? null) !==
      JSON.stringify(next[key] ?? null)
    ) {
      changes[key] = next[key];
    }
  }
  return changes as Partial<CreatePostmortemRequest>;
}
