import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  PostmortemTemplate,
  sectionTitle,
} from '@postmortems/backstage-plugin-postmortems-common';
import useAsync from 'react-use/esm/useAsync';

/** The standalone page: for now, the postmortem templates the backend serves. */
export const PostmortemsPage = () => {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const { value, loading, error } = useAsync(async () => {
    const baseUrl = await discoveryApi.getBaseUrl('postmortems');
    const response = await fetchApi.fetch(`${baseUrl}/templates`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()).items as PostmortemTemplate[];
  }, [discoveryApi, fetchApi]);

  return (
    <Page themeId="tool">
      <Header title="Postmortems" />
      <Content>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value?.map(template => (
          <InfoCard key={template.id} title={template.title.en}>
            <ol>
              {template.sections.map(section => (
                <li key={section.key}>{sectionTitle(section, 'en')}</li>
              ))}
            </ol>
          </InfoCard>
        ))}
      </Content>
    </Page>
  );
};
