import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../../src/shared/roles';
import { CompetencePicker } from '../../../components/CompetencePicker';
import { pickText, type LocalizedText } from '../../../components/localized';
import { ErrorMessage } from '../../../components/Status';
import { suggestCompetences, useDefaultScale, type OfferCompetence } from '../api/offers';

export interface CompetenceDraft {
  competenceId: string;
  label: LocalizedText;
  /** Framework it comes from, shown small. */
  source: string;
  level: number;
  /** false: a suggestion from the text that the provider has not confirmed yet. */
  confirmed: boolean;
}

/** Level given to a competence added by hand until the provider changes it (2 on the default scale, as suggestions get). */
export const DEFAULT_LEVEL = 2;

export const fromView = (c: OfferCompetence): CompetenceDraft => ({
  competenceId: c.competenceId,
  label: c.label,
  source: c.frameworkKey,
  level: c.level,
  confirmed: c.confirmed,
});

/**
 * The competences an offer develops, with the level reached: the confirmed list, the suggestions
 * from the description waiting for a yes or no, and a search to add more.
 */
export function CompetenceList({
  orgId,
  offerId,
  textChanged,
  items,
  onChange,
  errors,
}: {
  orgId: string;
  /** Suggestions need the saved offer (they read its stored title and description). */
  offerId: string | undefined;
  /** Title or description changed since the last save: suggestions would read the old text. */
  textChanged: boolean;
  items: CompetenceDraft[];
  onChange: (items: CompetenceDraft[]) => void;
  errors: Record<string, string>;
}) {
  const { t, i18n } = useTranslation('offers');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const scale = useDefaultScale();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [found, setFound] = useState<number | null>(null);
  const confirmedId = useId();
  const suggestedId = useId();
  const levelOptions = [1, 2, 3, 4].map((level) => {
    const words = scale.data?.levels.find((l) => l.level === level);
    return { value: level, label: words ? `${level} · ${pickText(words.label, lang)}` : t('editor.levelNumber', { level }) };
  });
  const confirmed = items.filter((c) => c.confirmed);
  const suggested = items.filter((c) => !c.confirmed);
  const update = (id: string, change: Partial<CompetenceDraft>) =>
    onChange(items.map((c) => (c.competenceId === id ? { ...c, ...change } : c)));
  const remove = (id: string) => onChange(items.filter((c) => c.competenceId !== id));
  const indexOf = (id: string) => items.findIndex((c) => c.competenceId === id);
  const rowError = (id: string) => {
    const i = indexOf(id);
    return errors[`competences.${i}.competenceId`] ?? errors[`competences.${i}.level`] ?? errors[`competences.${i}`];
  };

  async function suggest() {
    if (!offerId) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await suggestCompetences(orgId, offerId);
      // Keep what is on screen (levels and confirmations not saved yet); the new suggestions replace the old ones.
      const kept = items.filter((c) => c.confirmed);
      const fresh = result.competences.filter((c) => !c.confirmed && !kept.some((k) => k.competenceId === c.competenceId)).map(fromView);
      onChange([...kept, ...fresh]);
      setFound(fresh.length);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const row = (c: CompetenceDraft, kind: 'confirmed' | 'suggested') => {
    const name = pickText(c.label, lang);
    const error = rowError(c.competenceId);
    const selectId = `${kind === 'confirmed' ? confirmedId : suggestedId}-${c.competenceId}`;
    return (
      <li key={c.competenceId} className={`offer-competence${error ? ' offer-competence--invalid' : ''}`}>
        <p className="offer-competence__name">
          <strong>{name}</strong> <span className="result-list__meta">{c.source}</span>
        </p>
        <div className="offer-competence__controls">
          <div className="field">
            <label htmlFor={selectId}>
              {t('editor.levelReached')}
              <span className="visually-hidden"> – {name}</span>
            </label>
            <select id={selectId} value={c.level} onChange={(e) => update(c.competenceId, { level: Number(e.target.value) })}>
              {levelOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          {kind === 'suggested' ? (
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => update(c.competenceId, { confirmed: true })}
            >
              {t('editor.confirmSuggestion')}
              <span className="visually-hidden">: {name}</span>
            </button>
          ) : null}
          <button type="button" className="button button--small" onClick={() => remove(c.competenceId)}>
            {kind === 'suggested' ? t('editor.rejectSuggestion') : t('editor.removeCompetence')}
            <span className="visually-hidden">: {name}</span>
          </button>
        </div>
        {error ? <p className="field__error">{error}</p> : null}
      </li>
    );
  };

  return (
    // Enter in the search box looks for competences; it must not submit the whole offer form around it.
    <div
      className="offer-competences"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'search') e.preventDefault();
      }}
    >
      {errors.competences ? (
        <p className="field__error" id="competences-error">
          <span aria-hidden="true">⚠ </span>
          {errors.competences}
        </p>
      ) : null}
      <h3 id={`${confirmedId}-h`}>{t('editor.confirmedTitle', { count: confirmed.length })}</h3>
      {confirmed.length ? (
        <ul className="offer-competence-list" aria-labelledby={`${confirmedId}-h`}>
          {confirmed.map((c) => row(c, 'confirmed'))}
        </ul>
      ) : (
        <p className="empty">{t('editor.noCompetences')}</p>
      )}

      <div className="offer-suggest">
        <h3 id={`${suggestedId}-h`}>{t('editor.suggestTitle')}</h3>
        <p className="field__hint">
          {offerId ? (textChanged ? t('editor.suggestSaveFirst') : t('editor.suggestHint')) : t('editor.suggestAfterSave')}
        </p>
        {offerId ? (
          <button type="button" className="button" onClick={suggest} disabled={busy || textChanged}>
            {t('editor.suggest')}
          </button>
        ) : null}
        <p role="status" className="offer-suggest__status">
          {found === null ? '' : found ? t('editor.suggestFound', { count: found }) : t('editor.suggestNone')}
        </p>
        <ErrorMessage error={failure} />
        {suggested.length ? (
          <ul className="offer-competence-list offer-competence-list--suggested" aria-labelledby={`${suggestedId}-h`}>
            {suggested.map((c) => row(c, 'suggested'))}
          </ul>
        ) : null}
      </div>

      <CompetencePicker
        orgId={orgId}
        title={t('editor.addCompetence')}
        chosen={new Set(items.filter((c) => c.confirmed).map((c) => c.competenceId))}
        onAdd={(hit) => {
          if (items.some((c) => c.competenceId === hit.id)) update(hit.id, { confirmed: true });
          else
            onChange([
              ...items,
              { competenceId: hit.id, label: { [lang]: hit.label }, source: hit.frameworkTitle, level: DEFAULT_LEVEL, confirmed: true },
            ]);
        }}
      />
    </div>
  );
}
