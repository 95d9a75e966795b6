import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { Page } from '@postmortems/backstage-plugin-postmortems-common';
import { postmortemsTranslationRef } from '../../translation';

/**
 * "Load more" below a paged list, while the last page read says there is
 * a next one and nothing is loading.
 */
export const LoadMoreButton = (props: {
  page?: Page<unknown>;
  loading: boolean;
  onLoad: (cursor: string) => void;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const cursor = props.page?.nextCursor;
  if (!cursor || props.loading) return null;
  return (
    <Box display="flex" justifyContent="flex-end" mt={1}>
      <Button onClick={() => props.onLoad(cursor)}>
        {t('common.loadMore')}
      </Button>
    </Box>
  );
};
