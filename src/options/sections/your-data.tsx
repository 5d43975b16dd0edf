/**
 * "Your data and privacy", under Export and import: the privacy policy (PRIVACY.md), an export of
 * everything stored, and "Erase all data" — confirmed first, then every storage area emptied and
 * checked empty (src/shared/all-data.ts).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { countAllData, eraseAllData, extensionAreas, readAllData, type AreaName } from "../../shared/all-data";
import { PrivacyPolicy } from "../privacy-policy";
import { YOUR_DATA } from "../../shared/words/options";

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

type Step = { step: "idle" } | { step: "confirm"; counts: Partial<Record<AreaName, number>> } | { step: "erasing" };

export function YourDataPanel({ onErased }: { onErased(): Promise<void> | void }) {
  const [step, setStep] = useState<Step>({ step: "idle" });
  const [status, setStatus] = useState("");
  // The policy opens at #privacy: the header's link, the store listing's, or a typed address.
  const [policyOpen, setPolicyOpen] = useState(() => location.hash === "#privacy");
  const policyRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const follow = () => {
      if (location.hash !== "#privacy") return;
      setPolicyOpen(true);
      requestAnimationFrame(() => policyRef.current?.scrollIntoView({ block: "start" }));
    };
    follow();
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);

  const exportAll = async () => {
    try {
      const data = await readAllData(extensionAreas(), browser.runtime.getManifest().version);
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = `invitewise-all-data-${data.exportedAt.slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus("");
    } catch (e) {
      setStatus(YOUR_DATA.exportFailed(message(e)));
    }
  };

  const askToErase = async () => {
    try {
      setStep({ step: "confirm", counts: await countAllData(extensionAreas()) });
      setStatus("");
    } catch (e) {
      setStatus(YOUR_DATA.countFailed(message(e)));
    }
  };

  const erase = async () => {
    setStep({ step: "erasing" });
    try {
      const result = await eraseAllData(extensionAreas());
      const left = Object.entries(result.left);
      if (left.length > 0) {
        setStatus(YOUR_DATA.notAllErased(left));
      } else {
        setStatus(YOUR_DATA.erased(result.erased));
      }
      await onErased();
    } catch (e) {
      setStatus(YOUR_DATA.eraseFailed(message(e)));
    } finally {
      setStep({ step: "idle" });
    }
  };

  const total = step.step === "confirm" ? Object.values(step.counts).reduce((a, b) => a + (b ?? 0), 0) : 0;
  return (
    <div class="your-data" data-testid="your-data" role="region" aria-labelledby="your-data-title">
      <h3 id="your-data-title">{YOUR_DATA.title}</h3>
      <p>
        {YOUR_DATA.local}{" "}
        <a href="#privacy" data-testid="privacy-link">
          {YOUR_DATA.readPolicy}
        </a>
        .
      </p>
      <details
        id="privacy"
        ref={policyRef}
        open={policyOpen}
        onToggle={(e) => setPolicyOpen(e.currentTarget.open)}
        data-testid="privacy-details"
      >
        <summary>{YOUR_DATA.policy}</summary>
        <PrivacyPolicy />
      </details>
      <div class="row">
        <button type="button" data-testid="export-all" onClick={exportAll}>
          {YOUR_DATA.exportAll}
        </button>
        <button
          type="button"
          class="danger"
          data-testid="erase-all"
          disabled={step.step !== "idle"}
          onClick={askToErase}
        >
          {YOUR_DATA.eraseAll}
        </button>
      </div>
      {step.step === "confirm" && (
        <div class="confirm" role="alertdialog" aria-labelledby="erase-title" data-testid="erase-confirm">
          <p id="erase-title">
            <strong>{YOUR_DATA.confirmTitle}</strong> {YOUR_DATA.confirmText(total)}
          </p>
          <div class="row">
            <button type="button" class="danger" data-testid="erase-confirm-yes" onClick={erase}>
              {YOUR_DATA.confirm}
            </button>
            <button type="button" data-testid="erase-cancel" onClick={() => setStep({ step: "idle" })} autoFocus>
              {YOUR_DATA.cancel}
            </button>
          </div>
        </div>
      )}
      <p class="status" role="status" data-testid="your-data-status">
        {status}
      </p>
    </div>
  );
}
