import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "leaflet/dist/leaflet.css";
import "./globals.css";
import { siteUrl } from "@/geo/site";

export const metadata: Metadata = {
  metadataBase: siteUrl(),
  title: { default: "Dateline", template: "%s · Dateline" },
  description: "A news story's events on an interactive map: where and when each happened, who was involved, and the article's own words.",
  applicationName: "Dateline",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1b2a3a" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page render per request, so each carries the nonce that
  // proxy.ts put in its CSP (Next.js adds it to its own scripts), the 404 page included.
  await headers();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
