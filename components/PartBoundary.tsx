"use client";

import type { ReactNode } from "react";
import { ErrorBoundary, type FallbackProps } from "react-error-boundary";

export interface PartBoundaryProps {
  /** What this part of the page is, for the message: "The map", "The timeline". */
  name: string;
  /** What still works without it, so the reader knows where to go. */
  instead: string;
  className?: string;
  children: ReactNode;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Keeps a failure in one part of the page (the map library throwing, say) inside that part: the
 * rest of the page goes on working, and this part says what failed and offers a retry.
 */
export function PartBoundary({ name, instead, className, children }: PartBoundaryProps) {
  const fallback = ({ error, resetErrorBoundary }: FallbackProps) => (
    <div role="alert" className={`part-error ${className ?? ""}`} data-failed-part={name}>
      <p>
        <strong>{name} could not be shown.</strong> {instead}
      </p>
      <p className="part-error-detail">{messageOf(error)}</p>
      <button type="button" className="chip" onClick={resetErrorBoundary}>
        Try again
      </button>
    </div>
  );
  return (
    <ErrorBoundary fallbackRender={fallback} onError={(error) => console.warn(`Dateline: ${name} failed`, error)}>
      {children}
    </ErrorBoundary>
  );
}
