/** Reads a saved page (or an outerHTML fragment) into a happy-dom Document with scripts and CSS off. */
import { readFile } from "node:fs/promises";
import { Window } from "happy-dom";

export interface LoadedPage {
  document: Document;
  /** The page's address: --url, else the file's own record of it, else "" (the kind is then sniffed). */
  url: string;
  close: () => Promise<void>;
}

const UPWORK = /https:\/\/www\.upwork\.com\/[^\s"'<>]*/;

/** The address a saved file names: "saved from url=(NNNN)…", a bare URL comment, canonical link, og:url. */
export function urlFromHtml(html: string, doc: Document): string {
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html);
  if (saved?.[1]) return saved[1];
  // Fragments saved by hand often start with a comment holding just the address.
  const head = html.slice(0, 2000);
  // Comments found with indexOf: a lazy `<!--(.*?)-->` rescans from every "<!--" of a crafted file.
  for (let open = head.indexOf("<!--"); open !== -1; open = head.indexOf("<!--", open + 4)) {
    const close = head.indexOf("-->", open + 4);
    if (close === -1) break;
    const body = head.slice(open + 4, close).trim();
    const u = UPWORK.exec(body);
    if (u && body === u[0]) return u[0];
  }
  const canonical = doc.querySelector("link[rel='canonical']")?.getAttribute("href");
  if (canonical && UPWORK.test(canonical)) return canonical;
  const og = doc.querySelector("meta[property='og:url']")?.getAttribute("content");
  if (og && UPWORK.test(og)) return og;
  return "";
}

export async function loadPage(file: string, urlOption?: string): Promise<LoadedPage> {
  const html = await readFile(file, "utf8");
  if (!/<[a-z!]/i.test(html)) throw new Error("not an HTML file (no markup found)");
  const window = new Window({
    url: "https://www.upwork.com/",
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  // Parsed as a new document: the saved page's scripts and styles are inert (evaluation is off).
  const document = new window.DOMParser().parseFromString(html, "text/html") as unknown as Document;
  const url = urlOption ?? urlFromHtml(html, document);
  return { document, url, close: () => window.happyDOM.close() };
}
