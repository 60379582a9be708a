import type { Metadata } from "next";
import { StudioApp } from "@/components/studio/StudioApp";
import { tileSettingFromEnv } from "@/app/_server/env";
import "./studio.css";

export const metadata: Metadata = { title: "Studio", robots: { index: false, follow: false } };

// Prerendered at build like the other pages, so its CSP hashes are in the build's manifest: the
// page holds no data (the editor fetches the data folder from /api/studio/dataset), so its bytes
// never change. Built only with DATELINE_STUDIO=on (next.config.js); proxy.ts 404s it otherwise.
export default function StudioPage() {
  return <StudioApp tiles={tileSettingFromEnv()} />;
}
