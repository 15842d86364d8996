import { DomainError, ErrorCode } from '@irp/contracts';

export const ProfilesErrors = {
  unknownProfile: (id: string) =>
    new DomainError(ErrorCode.VALIDATION, `there is no tax profile "${id}"`, { fields: [{ field: 'profileId', messages: ['must be the id of a profile from GET /tax/profiles'] }] }),
  noProfile: () =>
    new DomainError(ErrorCode.VALIDATION, 'no tax profile is selected: pick one with PUT /tax/profiles/current, or name one in profileId', {
      fields: [{ field: 'profileId', messages: ['required while no profile is selected'] }],
    }),
  badTaxYearStart: () =>
    new DomainError(ErrorCode.VALIDATION, 'taxYearStart must be a day every year has (not 02-29)', { fields: [{ field: 'taxYearStart', messages: ['must be a day every year has'] }] }),
  unknownLine: (profileId: string, line: string) =>
    new DomainError(ErrorCode.VALIDATION, `the profile ${profileId} has no line "${line}"`, { fields: [{ field: 'line', messages: [`must be one of the line codes of ${profileId}`] }] }),
};
