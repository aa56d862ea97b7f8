// Gives the wasm's imports short names, and the JS glue the same ones.
//
// wasm-bindgen names each import after the JS function it calls plus a
// 16-digit hash (`__wbg_getBoundingClientRect_329ca748ec918b0c`), from a
// module called "./social8020_bg.js": 165 such names, written twice (in the
// wasm's import section and as the keys of the glue's import object), and
// the hashes do not compress. Renamed to `a`, `b`, ... `ab`, from module
// `a`, both files are about 3 KB brotli smaller together. Nothing else in
// either file names an import, so the rename is complete when every key is
// replaced; the build fails otherwise.
//
// The same for the exports wasm-bindgen makes for Rust closures that
// JavaScript calls (`wasm_bindgen_<hash>___convert__closures_..._invoke_...`,
// up to 200 characters with three hashes each): renamed `x0`, `x1`, ...
// (0.2 KB brotli). The glue calls them as `wasm.<name>`.

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
    shift += 7;
  }
}

function writeLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const utf8 = new TextDecoder();
const encode = (text) => [...new TextEncoder().encode(text)];
const name = (text) => [...writeLeb(encode(text).length), ...encode(text)];

/** `a`, `b`, ..., `z`, `A`, ..., `Z`, `ba`, `bb`, ...: never a keyword. */
function shortName(index) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let out = "";
  do {
    out = letters[index % letters.length] + out;
    index = Math.floor(index / letters.length);
  } while (index > 0);
  return ["do", "if", "in"].includes(out) ? `${out}_` : out;
}

/**
 * Renames the imports of `wasm` (a Buffer) from `module` and returns
 * { wasm, renames: Map(old name -> new name), module: new module name }.
 */
export function shortenImports(wasm, module) {
  const renames = new Map();
  const rewritten = rewriteSection(wasm, 2, (bytes, start) => {
    let [count, p] = leb(bytes, start);
    const body = [...writeLeb(count)];
    while (count-- > 0) {
      const [moduleLength, m] = leb(bytes, p);
      const from = utf8.decode(bytes.subarray(m, m + moduleLength));
      const [fieldLength, f] = leb(bytes, m + moduleLength);
      const field = utf8.decode(bytes.subarray(f, f + fieldLength));
      p = f + fieldLength;
      // The import's kind and type, copied as they are.
      const kind = bytes[p];
      let descEnd;
      if (kind === 0) descEnd = leb(bytes, p + 1)[1]; // function: type index
      else if (kind === 1) descEnd = limits(bytes, p + 2); // table: reftype, limits
      else if (kind === 2) descEnd = limits(bytes, p + 1); // memory: limits
      else if (kind === 3) descEnd = p + 3; // global: valtype, mutability
      else throw new Error(`short-imports: import kind ${kind} of ${field} is unknown`);
      if (from === module) {
        const short = shortName(renames.size);
        renames.set(field, short);
        body.push(...name("a"), ...name(short));
      } else {
        body.push(...name(from), ...name(field));
      }
      body.push(...bytes.subarray(p, descEnd));
      p = descEnd;
    }
    return body;
  });
  return { wasm: rewritten, renames, module: "a" };
}

/**
 * `wasm` (a Buffer) with the body of each section of id `id` replaced by
 * what `rewrite(bytes, start)` returns for it (an array of bytes; `start`
 * is where the section's body begins in `bytes`); other sections as they are.
 */
function rewriteSection(wasm, id, rewrite) {
  const bytes = new Uint8Array(wasm);
  const out = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    if (bytes[at] === id) {
      const body = rewrite(bytes, start);
      out.push(Uint8Array.from([id, ...writeLeb(body.length), ...body]));
    } else {
      out.push(bytes.subarray(at, end));
    }
    at = end;
  }
  return Buffer.concat(out);
}

/** The end of the limits at `at` (flags, min, max when flags say so). */
function limits(bytes, at) {
  const flags = bytes[at];
  let next = leb(bytes, at + 1)[1];
  if (flags & 1) next = leb(bytes, next)[1];
  return next;
}

/**
 * The glue with the import object's keys renamed as in `renames`; throws
 * when a key is not found exactly once.
 */
export function renameInGlue(glue, module, renames) {
  const moduleKey = `"${module}": import0`;
  if (glue.split(moduleKey).length !== 2) throw new Error(`short-imports: the glue has no single ${moduleKey}`);
  let out = glue.replace(moduleKey, "a: import0");
  for (const [from, to] of renames) {
    const key = new RegExp(`(^|[\\s,{])${from}(: ?function|:)`, "g");
    const found = out.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`short-imports: the glue names the import ${from} ${found} times`);
    out = out.replace(key, `$1${to}$2`);
    if (out.includes(from)) throw new Error(`short-imports: the glue still names ${from} after renaming it`);
  }
  return out;
}

/** wasm-bindgen's names for the exported shims of Rust closures. */
const CLOSURE_EXPORT = /^wasm_bindgen_[0-9a-f]{16}___convert__closures_/;

/**
 * Renames the closure shims among the exports of `wasm` (a Buffer) and
 * returns { wasm, renames: Map(old name -> new name) }.
 */
export function shortenExports(wasm) {
  const renames = new Map();
  const rewritten = rewriteSection(wasm, 7, (bytes, start) => {
    let [count, p] = leb(bytes, start);
    const exports = [];
    while (count-- > 0) {
      const [nameLength, n] = leb(bytes, p);
      const field = utf8.decode(bytes.subarray(n, n + nameLength));
      // The export's kind and index, copied as they are.
      const descEnd = leb(bytes, n + nameLength + 1)[1];
      exports.push([field, bytes.subarray(n + nameLength, descEnd)]);
      p = descEnd;
    }
    const taken = new Set(exports.map(([field]) => field));
    const body = [...writeLeb(exports.length)];
    for (const [field, desc] of exports) {
      let short = field;
      if (CLOSURE_EXPORT.test(field)) {
        short = `x${renames.size}`;
        if (taken.has(short)) throw new Error(`short-imports: the wasm already exports ${short}`);
        renames.set(field, short);
      }
      body.push(...name(short), ...desc);
    }
    return body;
  });
  return { wasm: rewritten, renames };
}

/**
 * The glue with its calls of the renamed exports (`wasm.<name>`) renamed as
 * in `renames`; throws when an export is never called so.
 */
export function renameExportsInGlue(glue, renames) {
  let out = glue;
  for (const [from, to] of renames) {
    const call = new RegExp(`\\bwasm\\.${from}\\b`, "g");
    if (!call.test(out)) throw new Error(`short-imports: the glue never calls wasm.${from}`);
    out = out.replace(call, `wasm.${to}`);
  }
  return out;
}
