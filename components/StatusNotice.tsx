import type { Notice } from "@/geo/url-state";

/**
 * Says which parts of a link were ignored and why. Always rendered, so that screen readers
 * announce a notice that appears later; the values are text, never HTML.
 */
export function StatusNotice({ notices }: { notices: readonly Notice[] }) {
  return (
    <div role="status" className={notices.length > 0 ? "notice" : "notice notice-empty"}>
      {notices.length > 0 && (
        <>
          <p>Part of this link was ignored:</p>
          <ul>
            {notices.map((n, i) => (
              <li key={`${n.param}-${i}`}>
                <code>
                  {n.param}={n.value}
                </code>
                : {n.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
