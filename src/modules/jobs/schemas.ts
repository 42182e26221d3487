import { Type, type Static } from 'typebox';
import { Uuid } from '../../shared/schemas.js';

export const JobStatus = Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('failed')]);

export const JobView = Type.Object({
  id: Uuid,
  kind: Type.String(),
  organisationId: Type.Union([Uuid, Type.Null()]),
  status: JobStatus,
  input: Type.String(),
  processed: Type.Integer(),
  total: Type.Union([Type.Integer(), Type.Null()]),
  summary: Type.Record(Type.String(), Type.Unknown()),
  errors: Type.Array(Type.Object({ file: Type.Optional(Type.String()), line: Type.Integer(), message: Type.String() })),
  createdAt: Type.String(),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
export type JobView = Static<typeof JobView>;

export const JobListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    status: Type.Optional(JobStatus),
    kind: Type.Optional(Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
);
export type JobListQuery = Static<typeof JobListQuery>;
