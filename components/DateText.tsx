import { datePrecision, formatContractDate } from "@/geo/dates";

/** A contract date in words at its true precision, machine-readable in `<time>` where it can be. */
export function DateText({ date, dateline }: { date: string; dateline: string }) {
  const precision = datePrecision(date) ?? "day";
  return (
    <time className={`date date-${precision}`} dateTime={precision === "interval" ? undefined : date} data-precision={precision}>
      {formatContractDate(date, dateline)}
    </time>
  );
}
