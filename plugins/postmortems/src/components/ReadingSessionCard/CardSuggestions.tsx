import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ReadingSessionSuggestion } from '@postmortems/backstage-plugin-postmortems-common';
import { postmortemsTranslationRef } from '../../translation';
import { PickSummary } from '../PickSummary';
import { RankHint, SuggestionReasons } from '../SuggestionReasons';

/**
 * The top suggestions, each with its reasons and a button to pick it, and
 * a line on why the first is first.
 */
export const CardSuggestions = (props: {
  title: string;
  suggestions: ReadingSessionSuggestion[];
  busy: boolean;
  onPick: (postmortemId: string) => void;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const { suggestions } = props;
  if (suggestions.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('readingSession.noSuggestions')}
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="subtitle2">{props.title}</Typography>
      <RankHint first={suggestions[0]} second={suggestions[1]} />
      {suggestions.map(({ postmortem, reasons }) => (
        <Box
          key={postmortem.id}
          display="flex"
          alignItems="flex-start"
          py={1}
          borderTop={1}
          borderColor="divider"
          data-testid="reading-session-suggestion"
        >
          <Box flexGrow={1} mr={1}>
            <PickSummary postmortem={postmortem} />
            <SuggestionReasons reasons={reasons} />
          </Box>
          <Button
            color="primary"
            variant="outlined"
            size="small"
            disabled={props.busy}
            style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
            onClick={() => props.onPick(postmortem.id)}
            aria-label={`${t('readingSession.pickThis')}: ${postmortem.title}`}
          >
            {t('readingSession.pickThis')}
          </Button>
        </Box>
      ))}
    </Box>
  );
};
