import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "leaflet/dist/leaflet.css";
import "./globals.css";
import { siteUrl } from "@/app/_server/env";
import { URL_STATE_PENDING_SCRIPT } from "@/components/urlStatePending";
import { HydratedSignal } from "@/components/HydratedSignal";

export const metadata: Metadata = {
  metadataBase: siteUrl(),
  title: { default: "Dateline", template: "%s · Dateline" },
  description: "A news story's events on an interactive map: where and when each happened, who was involved, and the article's own words.",
  applicationName: "Dateline",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1b2a3a" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        {/* A constant, hashed into the page's CSP at build like Next.js's own inline scripts. */}
        <script dangerouslySetInnerHTML={{ __html: URL_STATE_PENDING_SCRIPT }} />
      </head>
      <body>
        {children}
        <HydratedSignal />
      </body>
    </html>
  );
}
