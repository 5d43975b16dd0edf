/** A popup section with its heading and a copy button for its whole text. */
import { useState } from "preact/hooks";
import { POPUP } from "../../shared/words/popup";

export function Section(props: { title: string; id: string; copy: string; children: preact.ComponentChildren }) {
  return (
    <section class="section" aria-labelledby={`${props.id}-heading`}>
      <div class="section-head">
        <h2 id={`${props.id}-heading`}>{props.title}</h2>
        <CopyButton text={props.copy} label={POPUP.copyTitle(props.title)} />
      </div>
      {props.children}
    </section>
  );
}

export function CopyButton(props: { text: string; label: string }) {
  const [done, setDone] = useState("");
  return (
    <button
      type="button"
      class="copy"
      aria-label={props.label}
      onClick={() => {
        navigator.clipboard.writeText(props.text).then(
          () => setDone(POPUP.copied),
          () => setDone(POPUP.copyFailed),
        );
        setTimeout(() => setDone(""), 1500);
      }}
    >
      {done || POPUP.copy}
    </button>
  );
}
