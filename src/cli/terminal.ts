/**
 * Text from articles and databases (article text, titles, file names, record values) goes to a
 * terminal only with its control characters made visible: an escape sequence in an article must not
 * move the cursor, retitle the window, hide lines or write to the clipboard (OSC 52). C0 controls,
 * DEL, C1 controls (U+0080–U+009F, where U+009B is a CSI on some terminals) and the bidirectional
 * overrides become `\x1b`-style text. kiji's own colours are added after this, so they still work.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_BODY = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string) => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** For one-line fields (paths, titles, record texts): every control character is shown escaped, newlines included. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_LINE, visible);
}

/** For article text shown as it is: newlines and tabs are kept, other controls escaped. */
export function terminalSafeBody(text: string): string {
  return text.replace(UNSAFE_BODY, visible);
}

/** JSON for a terminal: JSON.stringify escapes C0 controls but not C1 ones or bidi overrides. */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
