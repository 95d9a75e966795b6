import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import Box from '@material-ui/core/Box';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { snippetWindow, truncateText } from './snippet';

/** As many lines as the search plugin's default result item shows. */
const DEFAULT_LINE_CLAMP = 5;

const useStyles = makeStyles(
  theme => ({
    item: {
      display: 'flex',
      width: '100%',
    },
    content: {
      flexWrap: 'wrap',
      minWidth: 0,
      flex: 1,
    },
    itemText: {
      width: '100%',
      // Japanese has no spaces to break at, and refs and URLs are long.
      overflowWrap: 'anywhere',
      marginBottom: theme.spacing(1),
    },
    labels: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(0.5),
      marginBottom: theme.spacing(1),
      // The Backstage theme gives chips a margin of their own; the gap
      // spaces them evenly instead.
      '& .MuiChip-root': { margin: 0 },
    },
  }),
  { name: 'PostmortemsSearchResultListItem' },
);

/** The props the search page and `<SearchResult>` pass a result item. */
export interface ResultLayoutProps {
  icon?: ReactNode | ((result: SearchDocument) => ReactNode);
  result: SearchDocument;
  highlight?: ResultHighlight;
  lineClamp?: number;
  /** The chips under the text. */
  labels: ReactNode;
}

/**
 * A result as the catalog's result items show one: icon, the title as a
 * link (highlighted), the snippet, then a row of labels.
 */
export const ResultLayout = (props: ResultLayoutProps) => {
  const { icon, result, highlight, lineClamp = DEFAULT_LINE_CLAMP } = props;
  const classes = useStyles();
  const title = highlight?.fields?.title;
  const text = highlight?.fields?.text;
  return (
    <div className={classes.item}>
      {icon && (
        <ListItemIcon>
          {typeof icon === 'function' ? icon(result) : icon}
        </ListItemIcon>
      )}
      <div className={classes.content}>
        <ListItemText
          className={classes.itemText}
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            // The list item around it records the click (analytics).
            <Link noTrack to={result.location}>
              {title && highlight ? (
                <HighlightedSearchResultText
                  text={title}
                  preTag={highlight.preTag}
                  postTag={highlight.postTag}
                />
              ) : (
                result.title
              )}
            </Link>
          }
          secondary={
            <Typography
              component="span"
              data-testid="search-result-snippet"
              style={{
                display: '-webkit-box',
                WebkitBoxOrient: 'vertical',
                WebkitLineClamp: lineClamp,
                overflow: 'hidden',
              }}
              color="textSecondary"
              variant="body2"
            >
              {text && highlight ? (
                <HighlightedSearchResultText
                  text={snippetWindow(
                    text,
                    highlight.preTag,
                    highlight.postTag,
                  )}
                  preTag={highlight.preTag}
                  postTag={highlight.postTag}
                />
              ) : (
                truncateText(result.text ?? '')
              )}
            </Typography>
          }
        />
        <Box className={classes.labels}>{props.labels}</Box>
      </div>
    </div>
  );
};
