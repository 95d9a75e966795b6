import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { postmortemsTranslationRef } from '../../translation';

/**
 * The top of a record's page: a Back button to the list one level up, the
 * record's title as the page heading with a line below it, and the
 * record's own buttons at the end.
 */
export const DetailHeader = (props: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" mb={2}>
      <Button
        component={RouterLink}
        to=".."
        relative="path"
        startIcon={<ArrowBackIcon />}
      >
        {t('common.back')}
      </Button>
      <Box flexGrow={1} ml={1}>
        <Typography variant="h4" component="h1">
          {props.title}
        </Typography>
        {props.subtitle}
      </Box>
      {props.actions}
    </Box>
  );
};
