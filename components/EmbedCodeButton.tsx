"use client";

import { useId, useState } from "react";
import { embedPath, iframeCode } from "@/geo/embed";

export interface EmbedCodeButtonProps {
  storyId: string;
  title: string;
  /** The view's query string (`place=…&actors=…`): the embed opens on the same view. */
  query: string;
}

/**
 * "Embed": shows the `<iframe>` code for this story with the current view, to paste into an
 * article, and copies it. The code is text in a read-only field, never markup on this page.
 */
export function EmbedCodeButton({ storyId, title, query }: EmbedCodeButtonProps) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<boolean | null>(null);
  const panelId = useId();
  // Read only while open, in the browser: the page's own address names the site the code points at.
  const code = open ? iframeCode({ src: new URL(embedPath(storyId, query), window.location.origin).href, title }) : "";

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <span className="embed-code">
      <button
        type="button"
        className="chip"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen((was) => !was);
          setCopied(null);
        }}
      >
        Embed
      </button>
      {open && (
        <span className="embed-code-panel" id={panelId}>
          <label htmlFor={`${panelId}-code`}>Paste this into your article to show the map with this view:</label>
          <textarea id={`${panelId}-code`} readOnly rows={4} value={code} onFocus={(event) => event.currentTarget.select()} />
          <button type="button" className="chip" onClick={copy}>
            Copy code
          </button>
          <span role="status" className="embed-code-status">
            {copied === true ? "Code copied" : copied === false ? "Could not copy: select the code above" : ""}
          </span>
        </span>
      )}
    </span>
  );
}
