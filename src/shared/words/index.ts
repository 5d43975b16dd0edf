/**
 * The message catalogue: every sentence Invitewise says to a person, in one folder. Scoring returns
 * what it found as data (`{ code, params }`); the parts here turn codes into words in the reader's
 * locale. One file per subject: `reasons` (urgency), `fit` (factors and flags), `popup` (the popup's
 * labels), `insert` (why a form field was not filled), `options` (the options page's frame and labels), `insights` (the Insights page),
 * `panel` (the badges' and the panel's labels: imported directly by the content script). The content script imports only the parts it
 * needs, never this index (its 20 KB budget).
 */
export * from "./reasons";
export * from "./fit";
export * from "./popup";
export * from "./insert";
export * from "./options";
export * from "./insights";
