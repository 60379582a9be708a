import { textColorOn } from "@/geo/colors";
import type { Actor } from "@/geo/schema";

/** An actor's colour with its two letters on it, so colour is never the only cue. */
export function ActorSwatch({ actor }: { actor: Actor }) {
  return (
    <span className="actor-swatch" style={{ background: actor.color, color: textColorOn(actor.color) }} aria-hidden="true">
      {actor.abbreviation}
    </span>
  );
}

/** An actor's swatch and name, with its role in an event when given. */
export function ActorChip({ actor, role }: { actor: Actor; role?: string }) {
  return (
    <span className="actor-chip">
      <ActorSwatch actor={actor} />
      <span>
        {actor.name}
        {role && <span className="actor-role"> ({role})</span>}
      </span>
    </span>
  );
}
