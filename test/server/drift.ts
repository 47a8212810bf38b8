/** Answers as a drifting handler would give them, to show that the response schemas notice. */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: Json): v is { [key: string]: Json } =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Keys an answer may lack: the entries of open maps (a review item's values and names, the map's tables) and
 * the Shapley–Shubik index, left out past 200 members.
 */
const MAY_LACK = [
  /^\d+\.(values|machine|names)\./,
  /^(numeric|names|shapes_by_name)\./,
  /^members\.\d+\.shapley_shubik/,
];

/** A value of another JSON type: null becomes an object, as what may be null is mostly a string. */
function otherType(v: Json): Json {
  if (typeof v === "string") return 42;
  if (v === null) return { drift: true };
  return "42";
}

/** Every node of a JSON value with its path, the root first. */
function* nodes(value: Json, path: string[] = []): Generator<[string[], Json]> {
  yield [path, value];
  if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* nodes(item, [...path, String(i)]);
  else if (isObject(value))
    for (const [key, item] of Object.entries(value)) yield* nodes(item, [...path, key]);
}

/** The value with the node at a path replaced (removed, if by nothing), copying only the nodes on the way. */
function replaced(value: Json, [head, ...rest]: string[], by: Json | undefined): Json {
  if (head === undefined) return by as Json;
  if (Array.isArray(value)) return value.map((x, i) => (String(i) === head ? replaced(x, rest, by) : x));
  const object = value as { [key: string]: Json };
  if (!rest.length && by === undefined)
    return Object.fromEntries(Object.entries(object).filter(([k]) => k !== head));
  return { ...object, [head]: replaced(object[head] as Json, rest, by) };
}

/** A node's place with list positions left out, and its shape: two nodes alike in both drift alike. */
function likeness(path: string[], value: Json): string {
  const shape = Array.isArray(value) ? "list" : isObject(value) ? Object.keys(value).join() : typeof value;
  return `${path.map((p) => (/^\d+$/.test(p) ? "*" : p)).join(".")}|${value === null ? "null" : shape}`;
}

/**
 * Each way a handler could drift from an answer: any node of another type, any object with a
 * field more, any field missing (but those in MAY_LACK); of nodes alike (the 192 votes of the
 * General Assembly, say) the first stands for the rest. Each comes with what it changed.
 */
export function* drifts(answer: unknown): Generator<[string, unknown]> {
  const seen = new Set<string>();
  for (const [path, value] of nodes(answer as Json)) {
    if (seen.has(likeness(path, value))) continue;
    seen.add(likeness(path, value));
    const at = path.join(".") || "the answer";
    yield [`${at} of another type`, replaced(answer as Json, path, otherType(value))];
    if (!isObject(value)) continue;
    yield [`${at} with a field more`, replaced(answer as Json, path, { ...value, drift: { drift: true } })];
    for (const key of Object.keys(value)) {
      const field = [...path, key];
      if (!MAY_LACK.some((re) => re.test(field.join("."))))
        yield [`${field.join(".")} missing`, replaced(answer as Json, field, undefined)];
    }
  }
}
