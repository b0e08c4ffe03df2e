// Styles of the in-page UI, applied inside its shadow root so page CSS cannot reach it and it cannot
// reach the page. A string rather than a CSS file: no network fetch, nothing for the page to see.

/** CSS for the toolbar and the highlight card. */
export const UI_CSS = `
:host { all: initial; display: contents; }
[hidden] { display: none !important; }
.sa-paint { position: fixed; inset: 0; overflow: hidden; pointer-events: none; z-index: 2147483646;
  mix-blend-mode: multiply; contain: strict; }
.sa-stage { position: absolute; left: 0; top: 0; }
.sa-box, .sa-suggest, .sa-flash { position: absolute; pointer-events: none; }
.sa-box { border-radius: 2px; }
.sa-suggest { box-sizing: border-box; border-bottom: 2px dotted #7c3aed; }
.sa-flash { background: #ffe066; outline: 3px solid #b3261e; }
.sa-layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483647;
  font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #15181c; }
.sa-panel { position: fixed; pointer-events: auto; background: #ffffff; color: #15181c;
  border: 1px solid #8a939c; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.25); padding: 4px; }
.sa-toolbar { display: flex; flex-wrap: wrap; gap: 4px; max-width: 420px; }
.sa-toolbar button, .sa-card button, .sa-card select { font: inherit; color: #15181c; }
.sa-toolbar button { display: inline-flex; align-items: center; gap: 4px; border: 1px solid #c9ced4;
  background: #f6f7f8; border-radius: 6px; padding: 3px 8px; cursor: pointer; }
.sa-toolbar button:hover { background: #e8ebee; }
.sa-swatch { width: 10px; height: 10px; border-radius: 2px; border: 1px solid rgba(0,0,0,.3); }
.sa-key { font-size: 11px; color: #57606a; }
button:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #0b5cad; outline-offset: 1px; }
.sa-message { padding: 4px 6px; max-width: 400px; }
.sa-error { color: #b3261e; }
.sa-message:empty { display: none; }
.sa-notice { pointer-events: none; right: 16px; bottom: 16px; max-width: 360px; padding: 8px 10px; display: grid; gap: 4px; }
.sa-card { width: 340px; height: 280px; box-sizing: border-box; overflow: auto; padding: 10px; display: grid;
  gap: 8px; align-content: start; }
.sa-note { margin: 0; max-height: 5em; overflow: auto; white-space: pre-wrap; }
.sa-quote { max-width: 400px; padding: 2px 6px 4px; overflow-wrap: anywhere; }
.sa-quote q { font-style: italic; }
.sa-card blockquote { margin: 0; padding-left: 8px; border-left: 4px solid #c9ced4; max-height: 8em; overflow: auto;
  white-space: pre-wrap; }
.sa-row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.sa-muted { color: #57606a; }
.sa-danger { border: 1px solid #b3261e; background: #fff; color: #b3261e; border-radius: 6px; padding: 3px 8px; cursor: pointer; }
.sa-plain { border: 1px solid #c9ced4; background: #f6f7f8; border-radius: 6px; padding: 3px 8px; cursor: pointer; }
@media (prefers-color-scheme: dark) {
  .sa-layer, .sa-panel { color: #e6e9ed; }
  .sa-panel { background: #1f2328; border-color: #57606a; }
  .sa-toolbar button, .sa-plain , .sa-card select { background: #2d333b; color: #e6e9ed; border-color: #57606a; }
  .sa-toolbar button:hover { background: #373e47; }
  .sa-key, .sa-muted { color: #9aa4ae; }
  .sa-danger { background: #1f2328; color: #ff8a80; border-color: #ff8a80; }
  .sa-card button.sa-plain { color: #e6e9ed; }
  .sa-card button.sa-danger { color: #ff8a80; }
  .sa-error { color: #ff8a80; }
}
`;
