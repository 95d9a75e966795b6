import { Link } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  DETECTIONS,
  ImportDefaults,
  ImportFileResult,
  ImportMarkdownResponse,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_FILES,
  MarkdownFile,
  POSTMORTEM_STATUSES,
  PostmortemTemplate,
  SEVERITIES,
  sectionTitle,
  sreBookTemplate,
} from '@postmortems/backstage-plugin-postmortems-common';
import { ChangeEvent, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import { useFieldErrorText } from '../../hooks/useSaveErrors';
import { errorMessage } from '../../lib/errors';
import { postmortemsTranslationRef } from '../../translation';
import { EntityRefPicker } from '../EntityRefPicker';
import { SelectField } from '../SelectField';

type Step = 'pick' | 'preview' | 'report';

// Column headers on one line: the cells below wrap instead.
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** A picked file's text, as UTF-8 (FileReader: older browsers lack Blob.text). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, 'utf-8');
  });
}

/** What the dialog asks for files that do not say: '' is "not set". */
interface DefaultsForm {
  entityRefs: string[];
  severity: '' | (typeof SEVERITIES)[number];
  detection: '' | (typeof DETECTIONS)[number];
  status: '' | (typeof POSTMORTEM_STATUSES)[number];
}

const NO_DEFAULTS: DefaultsForm = {
  entityRefs: [],
  severity: '',
  detection: '',
  status: '',
};

function defaultsOf(form: DefaultsForm): ImportDefaults {
  return {
    ...(form.entityRefs.length ? { entityRefs: form.entityRefs } : {}),
    ...(form.severity ? { severity: form.severity } : {}),
    ...(form.detection ? { detection: form.detection } : {}),
    ...(form.status ? { status: form.status } : {}),
  };
}

/** The preview (dry run) or the report: one row per file. */
const ImportResults = (props: {
  response: ImportMarkdownResponse;
  report: boolean;
  templates: PostmortemTemplate[];
  language: string;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const errorText = useFieldErrorText();
  const { items } = props.response;
  const count = (result: ImportFileResult['result']) =>
    String(items.filter(i => i.result === result).length);
  const sectionNames = (item: ImportFileResult) => {
    const p = item.postmortem;
    if (!p) return t('common.none');
    const template = props.templates.find(x => x.id === p.template);
    const keys = Object.keys(p.sections);
    if (keys.length === 0) return t('common.none');
    return keys
      .map(key => {
        const section = template?.sections.find(s => s.key === key);
        return section ? sectionTitle(section, props.language) : key;
      })
      .join(', ');
  };
  return (
    <Box mt={3}>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {props.report
          ? t('markdown.reportSummary', {
              imported: count('imported'),
              duplicate: count('duplicate'),
              rejected: count('rejected'),
            })
          : t('markdown.previewSummary', {
              ready: count('ready'),
              duplicate: count('duplicate'),
              rejected: count('rejected'),
            })}
      </Typography>
      <Table size="small" aria-label={t('markdown.resultsLabel')}>
        <TableHead>
          <TableRow>
            <TableCell style={NOWRAP}>{t('markdown.columnFile')}</TableCell>
            <TableCell style={NOWRAP}>{t('markdown.columnTitle')}</TableCell>
            <TableCell style={NOWRAP}>{t('markdown.columnEntities')}</TableCell>
            <TableCell style={NOWRAP}>{t('markdown.columnSections')}</TableCell>
            <TableCell style={NOWRAP}>
              {t('markdown.columnActionItems')}
            </TableCell>
            <TableCell style={NOWRAP}>{t('markdown.columnResult')}</TableCell>
            <TableCell style={NOWRAP}>{t('markdown.columnErrors')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item, index) => (
            <TableRow key={`${item.file}-${index}`}>
              <TableCell>{item.file}</TableCell>
              <TableCell>
                {item.postmortem?.id ? (
                  <Link to={encodeURIComponent(item.postmortem.id)}>
                    {item.postmortem.title}
                  </Link>
                ) : (
                  item.postmortem?.title ?? t('common.none')
                )}
              </TableCell>
              <TableCell>
                {item.postmortem ? (
                  <EntityRefLinks
                    entityRefs={item.postmortem.entityRefs}
                    defaultKind="component"
                  />
                ) : (
                  t('common.none')
                )}
              </TableCell>
              <TableCell>{sectionNames(item)}</TableCell>
              <TableCell>
                {item.postmortem
                  ? String(item.postmortem.actionItems.length)
                  : t('common.none')}
              </TableCell>
              <TableCell>
                <strong>{t(`markdown.result.${item.result}`)}</strong>
                {item.duplicateOf && (
                  <Typography variant="body2">
                    <Link to={encodeURIComponent(item.duplicateOf)}>
                      {t('markdown.duplicateOf')}
                    </Link>
                  </Typography>
                )}
                {item.duplicateOfFile && (
                  <Typography variant="body2">
                    {t('markdown.duplicateOfFile', {
                      file: item.duplicateOfFile,
                    })}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {item.errors?.length ? (
                  <Box component="ul" m={0} pl={2}>
                    {item.errors.map((e, i) => (
                      <li key={`${e.field}-${i}`}>
                        <Typography variant="body2">
                          <code>{e.field}</code>: {errorText(e)}
                        </Typography>
                      </li>
                    ))}
                  </Box>
                ) : (
                  t('common.none')
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/**
 * Imports postmortems from Markdown files: pick `.md` files, say what
 * plain Markdown cannot (services, severity …), preview what each file
 * becomes (a dry run), import, and read the per-file report with links to
 * what was imported. Links are relative to where the list is mounted.
 */
export const ImportPostmortemsDialog = (props: {
  open: boolean;
  onClose: () => void;
  /** Called after an import that created at least one postmortem. */
  onImported?: (response: ImportMarkdownResponse) => void;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const language = useLanguage();
  const [files, setFiles] = useState<MarkdownFile[]>([]);
  const [fileError, setFileError] = useState<string>();
  const [form, setForm] = useState<DefaultsForm>(NO_DEFAULTS);
  const [step, setStep] = useState<Step>('pick');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [response, setResponse] = useState<ImportMarkdownResponse>();

  const { value: templates } = useAsync(
    () => api.listTemplates().catch(() => [sreBookTemplate]),
    [api],
  );

  const close = () => {
    setFiles([]);
    setFileError(undefined);
    setForm(NO_DEFAULTS);
    setStep('pick');
    setError(undefined);
    setResponse(undefined);
    props.onClose();
  };

  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    setStep('pick');
    setResponse(undefined);
    setError(undefined);
    // The server refuses these too; saying so before uploading is kinder.
    if (picked.length > MAX_IMPORT_FILES) {
      setFiles([]);
      setFileError(
        t('markdown.tooManyFiles', { max: String(MAX_IMPORT_FILES) }),
      );
      return;
    }
    const tooLarge = picked.find(file => file.size > MAX_IMPORT_FILE_BYTES);
    if (tooLarge) {
      setFiles([]);
      setFileError(
        t('markdown.fileTooLarge', {
          file: tooLarge.name,
          size: String(MAX_IMPORT_FILE_BYTES / 1024),
        }),
      );
      return;
    }
    setFileError(undefined);
    setFiles(
      await Promise.all(
        picked.map(async file => ({
          name: file.name,
          content: await readText(file),
        })),
      ),
    );
  };

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api.importPostmortems({
        files,
        dryRun,
        lang: language.startsWith('ja') ? 'ja' : 'en',
        defaults: defaultsOf(form),
      });
      setResponse(answer);
      setStep(dryRun ? 'preview' : 'report');
      if (!dryRun && answer.items.some(i => i.result === 'imported')) {
        props.onImported?.(answer);
      }
    } catch (e) {
      setError(t('markdown.failed', { message: errorMessage(e) }));
    } finally {
      setBusy(false);
    }
  };

  const set = <K extends keyof DefaultsForm>(
    key: K,
    value: DefaultsForm[K],
  ) => {
    setForm(current => ({ ...current, [key]: value }));
    // Changed defaults change what the files become: preview again.
    setStep('pick');
    setResponse(undefined);
  };

  const notSet = { value: '' as const, label: t('markdown.notSet') };
  const ready = response?.items.filter(i => i.result === 'ready').length ?? 0;

  return (
    <Dialog
      open={props.open}
      onClose={close}
      fullWidth
      maxWidth="lg"
      aria-labelledby="import-postmortems-title"
    >
      <DialogTitle id="import-postmortems-title">
        {t('markdown.importTitle')}
      </DialogTitle>
      <DialogContent>
        {step !== 'report' && (
          <>
            <Typography variant="body2" paragraph>
              {t('markdown.importHelp', {
                files: String(MAX_IMPORT_FILES),
                size: String(MAX_IMPORT_FILE_BYTES / 1024),
              })}
            </Typography>
            <Box mb={2} display="flex" alignItems="center" style={{ gap: 12 }}>
              <Button variant="outlined" color="primary" component="label">
                {t('markdown.chooseFiles')}
                <input
                  type="file"
                  accept=".md,.markdown,text/markdown"
                  multiple
                  hidden
                  aria-label={t('markdown.chooseFiles')}
                  onChange={onFiles}
                />
              </Button>
              <Typography variant="body2">
                {files.length > 0
                  ? t('markdown.chosen', { count: files.length })
                  : t('markdown.noneChosen')}
              </Typography>
            </Box>
            {fileError && (
              <Box mb={2}>
                <Alert severity="error">{fileError}</Alert>
              </Box>
            )}
            <Typography variant="subtitle2">
              {t('markdown.defaults')}
            </Typography>
            <Grid container spacing={2}>
              <Grid item xs={12} md={6}>
                <EntityRefPicker
                  id="import-defaults-entityRefs"
                  multiple
                  kinds={['Component', 'System', 'Resource']}
                  label={t('form.entities')}
                  value={form.entityRefs}
                  onChange={value => set('entityRefs', value)}
                />
              </Grid>
              <Grid item xs={12} sm={4} md={2}>
                <SelectField
                  id="import-defaults-severity"
                  label={t('form.severity')}
                  value={form.severity}
                  options={[
                    notSet,
                    ...SEVERITIES.map(v => ({
                      value: v,
                      label: t(`severity.${v}`),
                    })),
                  ]}
                  onChange={value => set('severity', value)}
                />
              </Grid>
              <Grid item xs={12} sm={4} md={2}>
                <SelectField
                  id="import-defaults-detection"
                  label={t('form.detection')}
                  value={form.detection}
                  options={[
                    notSet,
                    ...DETECTIONS.map(v => ({
                      value: v,
                      label: t(`detection.${v}`),
                    })),
                  ]}
                  onChange={value => set('detection', value)}
                />
              </Grid>
              <Grid item xs={12} sm={4} md={2}>
                <SelectField
                  id="import-defaults-status"
                  label={t('form.status')}
                  value={form.status}
                  options={[
                    notSet,
                    ...POSTMORTEM_STATUSES.map(v => ({
                      value: v,
                      label: t(`postmortemStatus.${v}`),
                    })),
                  ]}
                  onChange={value => set('status', value)}
                />
              </Grid>
            </Grid>
          </>
        )}
        {error && (
          <Box mt={2}>
            <Alert severity="error">{error}</Alert>
          </Box>
        )}
        {response && (
          <ImportResults
            response={response}
            report={step === 'report'}
            templates={templates ?? [sreBookTemplate]}
            language={language}
          />
        )}
      </DialogContent>
      <DialogActions>
        {step === 'report' ? (
          <Button color="primary" variant="contained" onClick={close}>
            {t('markdown.done')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              color="primary"
              variant={step === 'preview' ? 'outlined' : 'contained'}
              disabled={files.length === 0 || busy}
              onClick={() => send(true)}
            >
              {busy && step === 'pick'
                ? t('markdown.previewing')
                : t('markdown.preview')}
            </Button>
            {step === 'preview' && (
              <Button
                color="primary"
                variant="contained"
                disabled={ready === 0 || busy}
                onClick={() => send(false)}
              >
                {busy
                  ? t('markdown.importing')
                  : t('markdown.importReady', { count: ready })}
              </Button>
            )}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
};
