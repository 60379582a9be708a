"use client";

import Link from "next/link";

/** The error page for a page that failed to render: says so, offers a retry and the way back. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="message-page">
      <p className="brand">Dateline</p>
      <h1>This page could not be shown</h1>
      <p>Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. Trying again often helps.</p>
      <p className="message-actions">
        <button type="button" className="button-link" onClick={reset}>
          Try again
        </button>
        <Link className="button-link secondary" href="/">
          Back to the map
        </Link>
      </p>
    </main>
  );
}
