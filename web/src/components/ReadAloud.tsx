import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { speechLanguage, type SurveyLocale } from '../../../../../src/shared/survey';
import { SurveyIcon } from './Icons';

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

/**
 * "Lees voor": reads the text aloud in the page's language (nl-BE, fr-BE, en-GB; easy Dutch in
 * nl-BE). Hidden when the browser cannot speak. Speech stops when the text changes.
 */
export function ReadAloud({ text, locale }: { text: string; locale: SurveyLocale }) {
  const { t } = useTranslation('survey');
  const [speaking, setSpeaking] = useState(false);
  const synth = speech();

  useEffect(() => {
    // A new question (or language): stop reading the old one.
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
    <button type="button" className="button survey-read-aloud" onClick={toggle} aria-pressed={speaking}>
      <SurveyIcon name="speaker" size={28} />
      {speaking ? t('readAloud.stop') : t('readAloud.start')}
    </button>
  );
}
