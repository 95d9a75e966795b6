import { MarkdownContent } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { postmortemsTranslationRef } from '../../translation';

/** A Markdown text area with a preview tab. */
export const MarkdownField = (props: {
  id: string;
  label: string;
  description?: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  return (
    <Box mb={2}>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="subtitle1" component="label" htmlFor={props.id}>
          {props.label}
        </Typography>
        <Tabs
          value={tab}
          onChange={(_e, value) => setTab(value)}
          indicatorColor="primary"
        >
          <Tab value="write" label={t('form.write')} />
          <Tab value="preview" label={t('form.preview')} />
        </Tabs>
      </Box>
      {tab === 'write' ? (
        <TextField
          id={props.id}
          value={props.value}
          onChange={e => props.onChange(e.target.value)}
          // The description stays under the field while the writer types; as a
          // placeholder too it would say the same thing twice.
          helperText={props.error ?? props.description}
          error={Boolean(props.error)}
          multiline
          minRows={4}
          fullWidth
          variant="outlined"
        />
      ) : (
        <Box border={1} borderColor="divider" borderRadius={4} p={2}>
          {props.value.trim() ? (
            <MarkdownContent content={props.value} />
          ) : (
            <Typography color="textSecondary">
              {t('form.emptyPreview')}
            </Typography>
          )}
        </Box>
      )}
    </Box>
  );
};
