// Dates as the reader's language writes them (the document's lang is the browser UI language).

/** An ISO time as a short local date and time; '' for null or nonsense. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const lang = typeof document === 'undefined' ? undefined : document.documentElement.lang || undefined;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
