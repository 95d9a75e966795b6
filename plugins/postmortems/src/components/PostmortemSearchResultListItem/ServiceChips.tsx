import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import { postmortemsTranslationRef } from '../../translation';
import { ResultService } from './documents';

/** One chip per service a result is about, named by its catalog title. */
export const ServiceChips = (props: { services: ResultService[] }) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  return (
    <>
      {props.services.map((service, index) => (
        <Chip
          key={service.ref ?? `${index}:${service.title}`}
          size="small"
          // The ref says which entity it is when titles are alike.
          title={service.ref}
          label={t('searchResult.service', { name: service.title })}
        />
      ))}
    </>
  );
};
