// The words of a suppression comment, shared by the core (which writes and reads them) and the VS Code client
// (which fills in the reason the user types). Constants only: the client bundles this file without the analyser.

/** `// promptward-ignore-next-line <rule-id>[, <rule-id>] -- <reason>` */
export const IGNORE_COMMENT = 'promptward-ignore-next-line';

/** The reason the "ignore with a reason" action writes: the user replaces it (the VS Code client asks for it). */
export const IGNORE_REASON_PLACEHOLDER = 'TODO: say why this is safe';
