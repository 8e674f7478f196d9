// Some desktops run with the POSIX locale (LANG=C), and WebKit then reports "C" as the
// language. uPlot formats numbers with `new Intl.NumberFormat(navigator.language)` as soon as
// it loads, and "C" is not a language tag, so the whole window stayed blank. This module is
// imported before anything else and gives the page a language Intl accepts.

function valid(tag: string | undefined): boolean {
  if (!tag) return false;
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

export function usableLanguage(language: string | undefined, languages: readonly string[]): string {
  if (valid(language)) return language as string;
  return languages.find(valid) ?? new Intl.NumberFormat().resolvedOptions().locale;
}

const language = usableLanguage(navigator.language, navigator.languages ?? []);
if (language !== navigator.language) {
  Object.defineProperty(navigator, "language", { get: () => language, configurable: true });
}
