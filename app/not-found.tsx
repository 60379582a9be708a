import Link from "next/link";

export const metadata = { title: "Not found" };

/** The 404 page: unknown places and events, and mistyped addresses, land here. */
export default function NotFound() {
  return (
    <main className="message-page">
      <p className="brand">Dateline</p>
      <h1>There is nothing at this address</h1>
      <p>The place or event may have a different id, or the link may have been cut short.</p>
      <p>
        <Link className="button-link" href="/">
          Back to the map
        </Link>
      </p>
    </main>
  );
}
