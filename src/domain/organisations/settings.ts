import { effectiveThreshold } from '../anonymity/disclosure.js';

/** Months a rating stays current when the organisation has not set its own window (domain-rules §2). */
export const DEFAULT_VALIDITY_MONTHS = 24;

/** The settings that have defaults, as an organisation may or may not have set them. */
export interface SettingsWithDefaults {
  anonymityThreshold?: number;
  validityMonths?: number;
}

/** Settings in force: the organisation's values over the defaults; k never below 3 (domain-rules §3). */
export function effectiveSettings(settings: SettingsWithDefaults) {
  return {
    anonymityThreshold: effectiveThreshold(settings.anonymityThreshold),
    validityMonths: settings.validityMonths ?? DEFAULT_VALIDITY_MONTHS,
  };
}
