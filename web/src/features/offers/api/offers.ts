import { useQueries, useQuery } from '@tanstack/react-query';
import { ApiError, http, withQuery } from '../../../api/http';
import type {
  CreateEditionBody,
  CreateOfferBody,
  EditionView,
  ImportJsonBody,
  ImportResult,
  OfferDetail,
  OfferSummary,
  UpdateEditionBody,
  UpdateOfferBody,
} from '../../../../../src/modules/offers/schemas';
import type { EnrolmentView, RecordAttendanceBody } from '../../../../../src/modules/enrolment/schemas';
import type { ScaleView } from '../../../../../src/modules/frameworks/schemas';
import type { Problem } from '../../../../../src/shared/errors';

export type {
  CreateEditionBody,
  CreateOfferBody,
  EditionView,
  EnrolmentView,
  ImportResult,
  OfferDetail,
  OfferSummary,
  RecordAttendanceBody,
  UpdateEditionBody,
  UpdateOfferBody,
};
export type OfferStatus = OfferDetail['status'];
export type OfferFormat = OfferDetail['format'];
export type OfferCompetence = OfferDetail['competences'][number];

const offers = (orgId: string) => `/api/organisations/${orgId}/offers`;
const offer = (orgId: string, offerId: string) => `${offers(orgId)}/${offerId}`;
const editionEnrolments = (orgId: string, editionId: string) => `/api/organisations/${orgId}/editions/${editionId}/enrolments`;

export const offersKey = (orgId: string) => ['offers', orgId] as const;
export const offerKey = (orgId: string, offerId: string) => ['offer', orgId, offerId] as const;
export const enrolmentsKey = (orgId: string, editionId: string) => ['edition-enrolments', orgId, editionId] as const;

export function useOffers(orgId: string, filter: { status?: OfferStatus; q?: string }) {
  const q = filter.q?.trim() || undefined;
  return useQuery({
    queryKey: [...offersKey(orgId), filter.status ?? 'all', q ?? ''],
    queryFn: ({ signal }) => http.get<OfferSummary[]>(withQuery(offers(orgId), { status: filter.status, q }), { signal }),
    placeholderData: (previous) => previous,
  });
}

export function useOffer(orgId: string, offerId: string | undefined) {
  return useQuery({
    queryKey: offerKey(orgId, offerId ?? ''),
    queryFn: ({ signal }) => http.get<OfferDetail>(offer(orgId, offerId!), { signal }),
    enabled: Boolean(offerId),
    // Seats change while the provider looks (people enrol elsewhere): fetch again on every visit.
    staleTime: 0,
  });
}

/** Enrolment list of one edition: seat holders, then the waiting list in order, then cancellations. */
export function useEditionEnrolments(orgId: string, editionId: string) {
  return useQuery({
    queryKey: enrolmentsKey(orgId, editionId),
    queryFn: ({ signal }) => http.get<EnrolmentView[]>(editionEnrolments(orgId, editionId), { signal }),
    staleTime: 0,
  });
}

/** The waiting list of every edition, counted from the editions' enrolment lists (editions show seats taken themselves). */
export function useWaitingCounts(orgId: string, editionIds: string[]) {
  const results = useQueries({
    queries: editionIds.map((editionId) => ({
      queryKey: enrolmentsKey(orgId, editionId),
      queryFn: ({ signal }: { signal: AbortSignal }) => http.get<EnrolmentView[]>(editionEnrolments(orgId, editionId), { signal }),
      staleTime: 0,
    })),
  });
  const counts = new Map<string, number | null>();
  editionIds.forEach((id, i) => {
    const data = results[i]?.data;
    counts.set(id, data ? data.filter((e) => e.status === 'waitlisted').length : null);
  });
  return counts;
}

/** The default 1–4 words ("with help", "on my own", …) for the level a competence reaches. */
export function useDefaultScale() {
  return useQuery({
    queryKey: ['scales'],
    queryFn: ({ signal }) => http.get<ScaleView[]>('/api/scales', { signal }),
    staleTime: 60 * 60_000,
    select: (scales) => scales.find((s) => s.key === 'lk-default-0-4') ?? scales[0] ?? null,
  });
}

export const createOffer = (orgId: string, body: CreateOfferBody) => http.post<OfferDetail>(offers(orgId), body);
export const updateOffer = (orgId: string, offerId: string, body: UpdateOfferBody) => http.patch<OfferDetail>(offer(orgId, offerId), body);
export const deleteOffer = (orgId: string, offerId: string) => http.delete<void>(offer(orgId, offerId));
export const setOfferStatus = (orgId: string, offerId: string, action: 'publish' | 'archive' | 'unpublish') =>
  http.post<OfferDetail>(`${offer(orgId, offerId)}/${action}`);
export const suggestCompetences = (orgId: string, offerId: string) =>
  http.post<{ competences: OfferCompetence[]; suggested: number }>(`${offer(orgId, offerId)}/suggest-competences`);
export const createEdition = (orgId: string, offerId: string, body: CreateEditionBody) =>
  http.post<OfferDetail>(`${offer(orgId, offerId)}/editions`, body);
export const updateEdition = (orgId: string, offerId: string, editionId: string, body: UpdateEditionBody) =>
  http.patch<OfferDetail>(`${offer(orgId, offerId)}/editions/${editionId}`, body);
export const deleteEdition = (orgId: string, offerId: string, editionId: string) =>
  http.delete<void>(`${offer(orgId, offerId)}/editions/${editionId}`);
export const recordAttendance = (orgId: string, editionId: string, enrolmentId: string, body: RecordAttendanceBody) =>
  http.put<EnrolmentView>(`${editionEnrolments(orgId, editionId)}/${enrolmentId}`, body);
export const importJson = (orgId: string, body: ImportJsonBody) => http.post<ImportResult>(`${offers(orgId)}/import.json`, body);

/** Download addresses (GET; the session cookie goes along). */
export const exportUrl = (orgId: string, format: 'csv' | 'json') => `${offers(orgId)}/export.${format}`;
export const enrolmentsCsvUrl = (orgId: string, editionId: string) => `${editionEnrolments(orgId, editionId)}.csv`;

/**
 * The CSV import posts the file as text/csv, which the JSON client does not send; this one call
 * uses fetch itself, with the session's CSRF token, and maps problems the same way.
 */
export async function importCsv(orgId: string, text: string, csrfToken: string): Promise<ImportResult> {
  let response: Response;
  try {
    response = await fetch(`${offers(orgId)}/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'application/json, application/problem+json', 'x-csrf-token': csrfToken },
      body: text,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network.offline', 'The server could not be reached.');
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Partial<Problem> | null;
    const fieldErrors: Record<string, string> = {};
    for (const e of problem?.errors ?? []) fieldErrors[e.path.replace(/^\/body\/?/, '') || 'body'] = e.message;
    throw new ApiError(
      response.status,
      problem?.code ?? 'server.internal',
      problem?.detail ?? response.statusText,
      fieldErrors,
      problem?.requestId,
    );
  }
  return (await response.json()) as ImportResult;
}
