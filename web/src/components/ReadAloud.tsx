import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { speechLanguage, type SurveyLocale } from '../../../src/shared/survey';

/** The browser's own speech synthesis, if it has one (no network, no download). */
function speech(): SpeechSynthesis | null {
  if (typeof window === 'undefined' || typeof window.SpeechSynthesisUtterance !== 'function') return null;
  const synth = window.speechSynthesis as SpeechSynthesis | undefined;
  return synth && typeof synth.speak === 'function' ? synth : null;
}

/** A voice for the language, if the system has one (else the browser picks by `lang`). */
function voiceFor(synth: SpeechSynthesis, lang: string): SpeechSynthesisVoice | undefined {
  const voices = synth.getVoices?.() ?? [];
  return voices.find((v) => v.lang === lang) ?? voices.find((v) => v.lang.toLowerCase().startsWith(lang.slice(0, 2)));
}

function SpeakerIcon() {
  return (
    <svg
      width={28}
      height={28}
      viewBox="0 0 48 48"
      fill="none"
      stroke="#1b1b1b"
      strokeWidth={2.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      data-icon="speaker"
    >
      <path d="M8 19h8l10-8v26l-10-8H8z" fill="#d6ecff" />
      <path d="M32 18a8 8 0 0 1 0 12M36 13a15 15 0 0 1 0 22" />
    </svg>
  );
}

/**
 * "Lees voor": reads the text aloud in the page's language (nl-BE, fr-BE, en-GB; easy Dutch in
 * nl-BE). Hidden when the browser cannot speak. Speech stops when the text changes.
 * The button's words come from `readAloud.start` / `readAloud.stop` of the namespace `ns`
 * (the survey keeps its own, with an easy-Dutch version).
 */
export function ReadAloud({
  text,
  locale,
  ns = 'common',
  className = 'read-aloud',
}: {
  text: string;
  locale: SurveyLocale;
  ns?: string;
  className?: string;
}) {
  const { t } = useTranslation(ns);
  const [speaking, setSpeaking] = useState(false);
  const synth = speech();

  useEffect(() => {
    // A new text (or language): stop reading the old one.
    setSpeaking(false);
    return () => synth?.cancel();
  }, [text, locale, synth]);

  if (!synth) return null;

  const toggle = () => {
    synth.cancel();
    if (speaking) {
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = speechLanguage(locale);
    const voice = voiceFor(synth, utterance.lang);
    if (voice) utterance.voice = voice;
    utterance.rate = 0.9;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  };

  return (
    <button type="button" className={`button ${className}`} onClick={toggle} aria-pressed={speaking}>
      <SpeakerIcon />
      {speaking ? t('readAloud.stop') : t('readAloud.start')}
    </button>
  );
}
