import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../../api/http';
import type { EnrolmentView, SavedOfferView } from '../../../../../src/modules/enrolment/schemas';

export type { EnrolmentView, SavedOfferView };

export const myEnrolmentsKey = ['me', 'enrolments'] as const;
export const mySavedKey = ['me', 'saved-offers'] as const;

/** Enrolment statuses that still hold a seat or a place in line (the rest is history). */
export const activeStatuses: ReadonlySet<string> = new Set(['enrolled', 'waitlisted']);

/** Every enrolment of the signed-in person: coming ones, the waiting list and history. */
export function useMyEnrolments(enabled = true) {
  return useQuery({
    queryKey: myEnrolmentsKey,
    queryFn: ({ signal }) => http.get<EnrolmentView[]>('/api/me/enrolments', { signal }),
    enabled,
  });
}

/** Takes a seat on the edition, or a place on its waiting list when it is full. */
export function useEnrol() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (editionId: string) => http.post<EnrolmentView>('/api/me/enrolments', { editionId }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: myEnrolmentsKey });
      // Free seats changed.
      void client.invalidateQueries({ queryKey: ['catalog', 'offer'] });
      void client.invalidateQueries({ queryKey: ['me', 'recommendations'] });
    },
  });
}

export function useCancelEnrolment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (enrolmentId: string) => http.post<EnrolmentView>(`/api/me/enrolments/${enrolmentId}/cancel`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: myEnrolmentsKey });
      void client.invalidateQueries({ queryKey: ['catalog', 'offer'] });
      void client.invalidateQueries({ queryKey: ['me', 'recommendations'] });
    },
  });
}

export function useSavedOffers(enabled = true) {
  return useQuery({
    queryKey: mySavedKey,
    queryFn: ({ signal }) => http.get<SavedOfferView[]>('/api/me/saved-offers', { signal }),
    enabled,
  });
}

/** Saves (true) or forgets (false) an offer on the person's list. */
export function useToggleSaved() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ offerId, save }: { offerId: string; save: boolean }) =>
      save ? http.put<void>(`/api/me/saved-offers/${offerId}`, undefined) : http.delete<void>(`/api/me/saved-offers/${offerId}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: mySavedKey }),
  });
}
