/** How skills compare, for the score and the drafts alike. */

/**
 * One spelling per skill: case, punctuation and the ".io"/".js"/"js" suffixes vary between Upwork's
 * ontology and what users type — "Next.js", "NextJS" and "next js" compare equal; so do "Expo.io" and
 * "Expo". A bare "js" is never shortened to nothing.
 */
export function skillKey(skill: string): string {
  const base = skill
    .toLowerCase()
    .replace(/\.(js|io)\b/g, "")
    .replace(/[^a-z0-9+#]/g, "");
  return base.length > 4 && base.endsWith("js") ? base.slice(0, -2) : base;
}
