/** A popup section with its heading and a copy button for its whole text. */
import { useState } from "preact/hooks";

export function Section(props: { title: string; id: string; copy: string; children: preact.ComponentChildren }) {
  return (
    <section class="section" aria-labelledby={`${props.id}-heading`}>
      <div class="section-head">
        <h2 id={`${props.id}-heading`}>{props.title}</h2>
        <CopyButton text={props.copy} label={`Copy ${props.title.toLowerCase()}`} />
      </div>
      {props.children}
    </section>
  );
}

export function CopyButton(props: { text: string; label: string }) {
  const [done, setDone] = useState<"" | "Copied" | "Copy failed">("");
  return (
    <button
      type="button"
      class="copy"
      aria-label={props.label}
      onClick={() => {
        navigator.clipboard.writeText(props.text).then(
          () => setDone("Copied"),
          () => setDone("Copy failed"),
        );
        setTimeout(() => setDone(""), 1500);
      }}
    >
      {done || "Copy"}
    </button>
  );
}
