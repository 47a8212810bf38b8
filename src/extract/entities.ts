import type { ActorKind } from "../contract.ts";
import { keyOf, sameNameSpelledOtherwise } from "../world/fold.ts";
import { organizationInfo } from "../world/organizations.ts";
import { stateInfo } from "../world/states.ts";
import type { Entity } from "./types.ts";

/** The actors of one document, one entry per real entity, found by a key per kind. */
export class EntityTable {
  readonly list: Entity[] = [];
  private readonly byKey = new Map<string, number>();

  private add(key: string, make: () => Entity): number {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    this.list.push(make());
    this.byKey.set(key, this.list.length - 1);
    return this.list.length - 1;
  }

  state(code: string): number {
    return this.add(`state:${code}`, () => {
      const state = stateInfo(code);
      return { name: state?.name ?? code, kind: "state", country: code, aliases: new Set(), roles: [] };
    });
  }

  organization(code: string): number {
    return this.add(`org:${code}`, () => {
      const org = organizationInfo(code);
      return {
        name: org?.name ?? code,
        kind: "organization",
        ref: code,
        ...(org?.country ? { country: org.country } : {}),
        aliases: new Set(),
        roles: [],
      };
    });
  }

  /** A body named in the text but not in the gazetteer ("Socialist Equality Party"). */
  namedBody(name: string, country?: string): number {
    return this.add(`org:${keyOf(name)}`, () => ({
      name,
      kind: "organization",
      ...(country ? { country } : {}),
      aliases: new Set(),
      roles: [],
    }));
  }

  group(name: string, country?: string, unnamed = false): number {
    return this.add(`group:${keyOf(name)}`, () => ({
      name,
      kind: "group",
      ...(country ? { country } : {}),
      ...(unnamed ? { unnamed } : {}),
      aliases: new Set(),
      roles: [],
    }));
  }

  /** A person by name; one named before in another spelling ("Hua Chuying" after "Hua Chunying") is that person. */
  person(name: string, gender?: "m" | "f"): number {
    const key = `person:${keyOf(name)}`;
    const spelled = this.byKey.has(key) ? undefined : this.personSpelledOtherwise(name);
    if (spelled !== undefined) this.byKey.set(key, spelled);
    const index = this.add(key, () => ({
      name,
      kind: "person",
      ...(gender ? { gender } : {}),
      aliases: new Set(),
      roles: [],
    }));
    const entity = this.list[index] as Entity;
    if (!entity.gender && gender) entity.gender = gender;
    return index;
  }

  /** A person named before whose name this one spells otherwise. */
  private personSpelledOtherwise(name: string): number | undefined {
    const key = keyOf(name);
    const at = this.list.findIndex(
      (e) => e.kind === "person" && sameNameSpelledOtherwise(key, keyOf(e.name)),
    );
    return at >= 0 ? at : undefined;
  }

  find(kind: ActorKind, name: string): number | undefined {
    const prefix = kind === "organization" ? "org" : kind;
    return this.byKey.get(`${prefix}:${keyOf(name)}`);
  }

  get(index: number): Entity {
    return this.list[index] as Entity;
  }

  /** The state code an entity belongs to: its own, else that of the state one of its roles is of ("President Trump"). */
  countryOf(index: number): string | undefined {
    const entity = this.get(index);
    return (
      entity.country ??
      entity.roles.map((r) => (r.of === undefined ? undefined : this.get(r.of).country)).find(Boolean)
    );
  }
}
