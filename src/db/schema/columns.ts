import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';

/** UUID v7 primary key: time-ordered, so inserts stay index-friendly. */
export const id = () =>
  uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7());

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

/** Text per language: { nl, fr?, en?, "nl-easy"? }. */
export type LocalizedText = Partial<Record<'nl' | 'fr' | 'en' | 'nl-easy', string>>;
/** Lists per language, e.g. alternative labels. */
export type LocalizedList = Partial<Record<'nl' | 'fr' | 'en', string[]>>;
