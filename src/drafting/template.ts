/**
 * `{{token}}` filling for the user's editable templates. Unknown tokens stay visible so a typo in
 * a template shows up in the draft (and in the letter check) instead of silently vanishing.
 */

const TOKEN = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/**
 * Replaces every known `{{token}}` with its value. A known token whose value is empty removes
 * itself; a line left empty by that is dropped, and runs of blank lines collapse to one.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const lines = template.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  for (const line of lines) {
    let hadEmptyToken = false;
    const filled = line.replace(TOKEN, (whole, name: string) => {
      if (!Object.hasOwn(values, name)) return whole;
      const value = values[name] ?? "";
      if (value === "") hadEmptyToken = true;
      return value;
    });
    // A line that only held empty tokens is noise, not an intended blank line.
    if (hadEmptyToken && filled.trim() === "") continue;
    out.push(hadEmptyToken ? filled.replace(/[ \t]{2,}/g, " ").trimEnd() : filled.trimEnd());
  }
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The `{{token}}` names a text still holds (unknown tokens, after filling). */
export function leftoverTokens(text: string): string[] {
  return [...new Set([...text.matchAll(TOKEN)].map((m) => m[1] ?? ""))];
}

/** `[what the user must write]` placeholders still in a text. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\[[^[\]\n]{3,120}\]/g)].map((m) => m[0]))];
}
