"use client";

import Link from "next/link";

/** The last resort, when the root layout itself fails: no stylesheet can be trusted, so plain HTML. */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>Dateline could not load</h1>
          <p>
            <button type="button" onClick={reset}>
              Try again
            </button>{" "}
            or go <Link href="/">back to the map</Link>.
          </p>
        </main>
      </body>
    </html>
  );
}
