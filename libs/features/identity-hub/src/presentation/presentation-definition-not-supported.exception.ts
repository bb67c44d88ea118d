import { DomainException } from '@dsaas/model';

/** DCP allows credential services to support only `scope` queries. */
export class PresentationDefinitionNotSupportedException extends DomainException {
  readonly code = 'presentation_definition_not_supported';
  readonly status = 501;
  constructor() {
    super('presentationDefinition queries are not supported; use scope');
  }
}
