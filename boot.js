// Starts the widget. It is a file rather than an inline script so that the
// page runs under `script-src 'self' 'wasm-unsafe-eval'` with no hash.
// Trunk writes the hashed names of the JS glue and the wasm into the
// script tag's data attributes (see `pattern_script` in Trunk.toml).
const tag = document.querySelector("script[data-wasm]");
const glue = await import(tag.dataset.js);
await glue.default({ module_or_path: tag.dataset.wasm });
