"use client";

import { useEffect, useState } from "react";
import { currentHref } from "./addressBar";

export interface CopyLinkButtonProps {
  /** A path on this site (`/events/x`), or undefined for the address bar's current URL. */
  path?: string;
  /** What the link is to, for the accessible name: "this view", "this event". */
  what: string;
  title?: string;
  className?: string;
}

type Outcome = "idle" | "copied" | "shared" | "failed";

const MESSAGES: Record<Outcome, string> = {
  idle: "",
  copied: "Link copied",
  shared: "Shared",
  failed: "Could not copy: the link is selected above",
};

function LinkIcon() {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="14"
      height="14"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
    >
      <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1 1" />
      <path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1-1" />
    </svg>
  );
}

/** Phones get the system share sheet where the browser has one; elsewhere the link is copied. */
function wantsShareSheet(): boolean {
  return typeof navigator.share === "function" && window.matchMedia("(pointer: coarse)").matches;
}

/** Copies a link to the clipboard (or shares it on phones) and says so where the user is looking. */
export function CopyLinkButton({ path, what, title, className }: CopyLinkButtonProps) {
  const [outcome, setOutcome] = useState<Outcome>("idle");
  const [fallbackUrl, setFallbackUrl] = useState<string>();
  useEffect(
    function clearConfirmation() {
      if (outcome === "idle" || outcome === "failed") return;
      const timer = setTimeout(() => setOutcome("idle"), 2500);
      return () => clearTimeout(timer);
    },
    [outcome],
  );

  async function copy() {
    // The view's address, even in the frame before the history is given it (components/addressBar.ts).
    const url = path ? new URL(path, window.location.origin).href : currentHref();
    try {
      if (wantsShareSheet()) {
        await navigator.share({ url, title });
        setOutcome("shared");
      } else {
        await navigator.clipboard.writeText(url);
        setOutcome("copied");
      }
      setFallbackUrl(undefined);
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return; // the user closed the share sheet
      setFallbackUrl(url);
      setOutcome("failed");
    }
  }

  return (
    <span className={`copy-link ${className ?? ""}`}>
      <button type="button" className="chip copy-link-button" onClick={copy} aria-label={`Copy link to ${what}`}>
        <LinkIcon /> {outcome === "copied" ? "Copied" : "Copy link"}
      </button>
      {fallbackUrl && (
        <input className="copy-link-fallback" readOnly value={fallbackUrl} ref={(el) => el?.select()} aria-label={`Link to ${what}`} />
      )}
      <span className="copy-link-status" role="status" aria-live="polite">
        {MESSAGES[outcome]}
      </span>
    </span>
  );
}
