import { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';
import { PostmortemDetail } from '../PostmortemDetail';
import { PostmortemForm } from '../PostmortemForm';

/**
 * The postmortem screens below a list: `new`, `<id>` and `<id>/edit`,
 * relative to wherever the list is mounted (an entity tab or the page).
 */
export const PostmortemRoutes = (props: {
  /** What the base path shows, e.g. the list. */
  index: ReactElement;
  /** Other routes at the same level, such as the page's tabs. */
  children?: ReactElement | ReactElement[];
  defaultEntityRef?: string;
}) => (
  <Routes>
    <Route path="/" element={props.index} />
    {props.children}
    <Route
      path="new"
      element={<PostmortemForm defaultEntityRef={props.defaultEntityRef} />}
    />
    <Route path=":postmortemId" element={<PostmortemDetail />} />
    <Route path=":postmortemId/edit" element={<PostmortemForm />} />
  </Routes>
);
