import { Type, type Static } from 'typebox';
import { LocalizedText, Uuid } from '../../shared/schemas.js';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const EnrolmentView = Type.Object({
  id: Uuid,
  editionId: Uuid,
  offerId: Uuid,
  offerTitle: LocalizedText(),
  providerId: Uuid,
  providerName: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  editionStatus: Type.String(),
  status: Type.String({ description: 'enrolled | waitlisted | cancelled | attended | completed | no_show' }),
  /** 1 = next in line; null when not on the waiting list. */
  waitlistPosition: Type.Union([Type.Integer(), Type.Null()]),
  personId: Type.Union([Uuid, Type.Null()]),
  learnerName: Type.String(),
  employerId: Type.Union([Uuid, Type.Null()]),
  employerName: Type.Union([Type.String(), Type.Null()]),
  planActionId: Type.Union([Uuid, Type.Null()]),
  minutesAttended: Type.Integer(),
  completedOn: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type EnrolmentView = Static<typeof EnrolmentView>;

export const SelfEnrolBody = Type.Object({ editionId: Uuid }, { additionalProperties: false });
export type SelfEnrolBody = Static<typeof SelfEnrolBody>;

export const OrgEnrolBody = Type.Object(
  {
    editionId: Uuid,
    personIds: Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true }),
    planActionId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type OrgEnrolBody = Static<typeof OrgEnrolBody>;

export const EnrolmentList = Type.Array(EnrolmentView);

export const OrgEnrolmentsQuery = Type.Object(
  { personId: Type.Optional(Uuid), editionId: Type.Optional(Uuid), planActionId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type OrgEnrolmentsQuery = Static<typeof OrgEnrolmentsQuery>;

export const RecordAttendanceBody = Type.Object(
  {
    status: Type.Union([Type.Literal('enrolled'), Type.Literal('attended'), Type.Literal('completed'), Type.Literal('no_show')]),
    minutesAttended: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    completedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  },
  { additionalProperties: false },
);
export type RecordAttendanceBody = Static<typeof RecordAttendanceBody>;

export const MeEnrolmentParams = Type.Object({ enrolmentId: Uuid }, { additionalProperties: false });
export const OrgEnrolmentParams = Type.Object({ orgId: Uuid, enrolmentId: Uuid }, { additionalProperties: false });
export const EditionParams = Type.Object({ orgId: Uuid, editionId: Uuid }, { additionalProperties: false });
export const EditionEnrolmentParams = Type.Object({ orgId: Uuid, editionId: Uuid, enrolmentId: Uuid }, { additionalProperties: false });
export const SavedOfferParams = Type.Object({ offerId: Uuid }, { additionalProperties: false });

export const SavedOfferView = Type.Object({
  offerId: Uuid,
  title: LocalizedText(),
  providerName: Type.String(),
  format: Type.String(),
  savedAt: Type.String(),
  /** Next scheduled edition with its free seats, if any. */
  nextEdition: Type.Union([
    Type.Object({
      id: Uuid,
      startsOn: Type.String(),
      freeSeats: Type.Integer(),
      enrolmentDeadline: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});
export type SavedOfferView = Static<typeof SavedOfferView>;
