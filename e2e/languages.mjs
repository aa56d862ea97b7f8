// The catalogs of i18n/, read as the tests' source of every word they look
// for in a language other than English: a test never holds a copy of a
// translation, it asks the catalog (docs/spec.md §9).
import { readFileSync } from "node:fs";

/** Every language the widget ships; a new catalog goes here too. */
export const LANGUAGES = ["en", "de", "es", "fr", "pt-BR"];
/** The language whose texts are longest, for the narrow-screen checks. */
export const LONGEST = "de";

const parsed = new Map();

/** The catalog `i18n/<tag>.txt` as { key: text | { form: text } }. */
export function catalog(tag) {
  if (!parsed.has(tag)) {
    const entries = {};
    const source = readFileSync(new URL(`../i18n/${tag}.txt`, import.meta.url), "utf8");
    for (const raw of source.split("\n")) {
      const line = raw.trim();
      if (!line || line.startsWith("#")) continue;
      const at = line.indexOf(" = ");
      const [key, form] = line.slice(0, at).replace("]", "").split("[");
      const text = line.slice(at + 3).trim();
      if (form) (entries[key] ??= {})[form] = text;
      else entries[key] = text;
    }
    parsed.set(tag, entries);
  }
  return parsed.get(tag);
}

/**
 * The words of `key` in language `tag`, placeholders filled from `args`;
 * for a counted phrase pass `count` (a number) in args, and the form is the
 * one `Intl.PluralRules` picks, as in the widget.
 */
export function words(tag, key, args = {}) {
  const entry = catalog(tag)[key];
  if (entry === undefined) throw new Error(`no key ${key} in i18n/${tag}.txt`);
  let text = entry;
  if (typeof entry === "object") {
    const form = new Intl.PluralRules(tag).select(args.count);
    text = entry[form] ?? entry.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
}

/** A regular expression matching `words(...)` exactly, for role names. */
export function exactly(tag, key, args) {
  return new RegExp(`^${words(tag, key, args).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}
