import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { groupings, targetGroups, type DiagnosisFilters, type GroupBy, type TargetGroup } from '../api/diagnosis';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filters from the address (?campaignId=…&groupBy=…); anything malformed is ignored. */
export function parseFilters(params: URLSearchParams): DiagnosisFilters {
  const id = (key: string) => {
    const v = params.get(key);
    return v && uuid.test(v) ? v : undefined;
  };
  const groupBy = params.get('groupBy');
  const targetGroup = params.get('targetGroup');
  const year = Number(params.get('horizonYear'));
  return {
    campaignId: id('campaignId'),
    groupBy: (groupings as readonly string[]).includes(groupBy ?? '') ? (groupBy as GroupBy) : undefined,
    teamId: id('teamId'),
    functionProfileId: id('functionProfileId'),
    targetGroup: (targetGroups as readonly string[]).includes(targetGroup ?? '') ? (targetGroup as TargetGroup) : undefined,
    horizonYear: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
  };
}

/** The filters of the current screen, kept in the address, and a way to change them. */
export function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const change = useCallback(
    (patch: Partial<DiagnosisFilters>) => {
      const next = { ...filters, ...patch };
      const out = new URLSearchParams();
      for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '') out.set(k, String(v));
      setParams(out, { replace: true, preventScrollReset: true });
    },
    [filters, setParams],
  );
  return [filters, change] as const;
}

/** "?campaignId=…" to carry the chosen campaign to the other diagnosis screens. */
export function campaignSearch(filters: DiagnosisFilters): string {
  return filters.campaignId ? `?campaignId=${filters.campaignId}` : '';
}
