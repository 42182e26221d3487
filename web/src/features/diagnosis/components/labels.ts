import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../../src/shared/roles';
import { pickText } from '../../../components/localized';
import type { GroupBy, Heatmap } from '../api/diagnosis';

/** Competence labels in the screen language, and group names (target groups and "none" are translated here). */
export function useLabels() {
  const { t, i18n } = useTranslation('diagnosis');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  return useMemo(
    () => ({
      lang,
      competence: (label: Heatmap['competences'][number]['label']) => pickText(label, lang),
      group: (groupBy: GroupBy, group: { id: string; label: string }) =>
        group.id === 'none'
          ? t(`group.none.${groupBy}`)
          : groupBy === 'target_group'
            ? t(`targetGroup.${group.id}`, { defaultValue: group.label })
            : group.label,
    }),
    [t, lang],
  );
}
