import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  PostmortemTemplate,
  sectionTitle,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useLanguage } from '../../hooks/useLanguage';
import { postmortemsTranslationRef } from '../../translation';
import { MarkdownField } from '../MarkdownField';

/**
 * The body of a postmortem: one Markdown field per section of its
 * template, titled and described in the reader's language.
 */
export const SectionsEditor = (props: {
  sections: PostmortemTemplate['sections'];
  /** The text of each section, by its key. */
  value: Record<string, string>;
  onChange: (value: Record<string, string>) => void;
  /**
   * Errors as the API names the fields: `sections` for all of them,
   * `sections.<key>` for one.
   */
  errors?: Partial<Record<string, string>>;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const errors = props.errors ?? {};
  return (
    <>
      <Typography variant="h6" component="h2" gutterBottom>
        {t('form.sections')}
      </Typography>
      {errors.sections && <Alert severity="error">{errors.sections}</Alert>}
      {props.sections.map(section => (
        <MarkdownField
          key={section.key}
          id={`postmortem-section-${section.key}`}
          label={sectionTitle(section, language)}
          description={
            section.description?.[language] ?? section.description?.en
          }
          value={props.value[section.key] ?? ''}
          error={errors[`sections.${section.key}`]}
          onChange={text =>
            props.onChange({ ...props.value, [section.key]: text })
          }
        />
      ))}
    </>
  );
};
