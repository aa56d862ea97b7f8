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
 * one `Intl.PluralRules` picks, as in the widget. When `count` is the
 * number as the page writes it ("2,5"), pass the number itself as `n`.
 */
export function words(tag, key, args = {}, n = args.count) {
  const entry = catalog(tag)[key];
  if (entry === undefined) throw new Error(`no key ${key} in i18n/${tag}.txt`);
  let text = entry;
  if (typeof entry === "object") {
    const form = new Intl.PluralRules(tag).select(Number(n));
    text = entry[form] ?? entry.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
}

/** A regular expression matching `words(...)` exactly, for role names. */
export function exactly(tag, key, args) {
  return new RegExp(`^${words(tag, key, args).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}

/**
 * Numbers as the widget writes them for `tag`, formatted by the page's own
 * `Intl` (the browser's, not Node's): `wanted` maps a name to
 * `[kind, value]`, and the answer maps it to the text. Kinds: `number` (up
 * to 2 decimals), `money` (USD, up to 2 decimals), `percent` (a share from 0
 * to 1 as a whole percentage; `<1 %` above nothing), `precise` (one
 * decimal). The percent sign sits where `Intl` puts it for the language,
 * except English's house style, a space before it (docs/glossary/en.md).
 */
export function formatted(page, tag, wanted) {
  return page.evaluate(
    ({ tag, wanted }) => {
      const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
      const money = new Intl.NumberFormat(tag, {
        style: "currency",
        currency: "USD",
        maximumFractionDigits: 2,
        minimumFractionDigits: 0,
      });
      const [before, after] = tag.split("-")[0] === "en"
        ? ["", " %"]
        : new Intl.NumberFormat(tag, { style: "percent" }).format(0).split("0");
      const percent = (p) => `${before}${number.format(p)}${after}`;
      const write = {
        number: (v) => number.format(v),
        money: (v) => money.format(v),
        percent: (v) => (v > 0 && v < 0.005 ? `<${percent(1)}` : percent(Math.round(v * 100))),
        precise: (v) => percent(Math.round(v * 1000) / 10),
      };
      return Object.fromEntries(Object.entries(wanted).map(([name, [kind, value]]) => [name, write[kind](value)]));
    },
    { tag, wanted },
  );
}

/**
 * The words of a catalog as the build serves it (`i18n/languages.json`
 * names the files and the keys in order), for the pseudo-locales `en-XA`
 * and `ar-XB`, which have no file in i18n/: a function `(key, args)` like
 * `words`. `request` is Playwright's request fixture.
 */
export async function served(request, tag) {
  const languages = await (await request.get("i18n/languages.json")).json();
  const lines = (await (await request.get(languages.files[tag])).text()).split("\n");
  if (lines[0] !== `#social8020 ${tag} ${languages.hash}`) throw new Error(`the served ${tag} catalog is not this build's`);
  const values = new Map(languages.keys.map((key, i) => [key, lines[i + 1]]));
  return (key, args = {}, n = args.count) => {
    let text = values.get(key);
    if (text === undefined) throw new Error(`no key ${key} in the served ${tag} catalog`);
    if (text.startsWith("\x1f")) {
      const forms = Object.fromEntries(text.slice(1).split("\x1f").map((f) => [f.slice(0, f.indexOf(":")), f.slice(f.indexOf(":") + 1)]));
      text = forms[new Intl.PluralRules(tag).select(Number(n))] ?? forms.other;
    }
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
  };
}
