"use client";

import { useState, type FormEvent } from "react";
import type { Actor } from "@/geo/schema";
import { slugify } from "@/geo/studio/review";

/** A new actor for actors.json: name, id, two-letter mark, colour, description. */
export function ActorForm({ onAdd }: { onAdd: (actor: Actor) => void }) {
  const [name, setName] = useState("");
  const [abbreviation, setAbbreviation] = useState("");
  const [color, setColor] = useState("#cc79a7");
  const [description, setDescription] = useState("");
  function add(event: FormEvent) {
    event.preventDefault();
    onAdd({ id: slugify(name), name, abbreviation: abbreviation.toUpperCase(), color, description });
  }
  return (
    <form className="studio-actor-form" onSubmit={add} aria-label="New actor">
      <label>
        Name
        <input required value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Mark (two letters)
        <input
          required
          value={abbreviation}
          maxLength={2}
          size={3}
          pattern="[A-Za-z]{2}"
          onChange={(e) => setAbbreviation(e.target.value)}
        />
      </label>
      <label>
        Colour
        <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
      </label>
      <label>
        Description
        <input required value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <button type="submit">Add the actor</button>
    </form>
  );
}
