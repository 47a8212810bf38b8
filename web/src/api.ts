/** The API's JSON, fetched with its errors as exceptions whose message is the server's one line. */
export class ApiError extends Error {}

export async function get<T>(
  path: string,
  params: Record<string, string | number | undefined> = {},
): Promise<T> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") query.set(k, String(v));
  const response = await fetch(`${path}${query.size ? `?${query}` : ""}`);
  const body = await response.json();
  if (!response.ok) throw new ApiError((body as { error?: string }).error ?? response.statusText);
  return body as T;
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new ApiError((json as { error?: string }).error ?? response.statusText);
  return json as T;
}

export type Stance = "support" | "oppose" | "neutral" | "mixed";

export interface Evidence {
  id: string;
  document: string;
  outlet: string | null;
  date: string | null;
  stance: Stance;
  via_name: string | null;
  spans: Array<[number, number]>;
  text: string[];
  review: string;
}

export interface Position {
  actor: { id: string; name: string; kind: string };
  stance: Stance;
  since: string | null;
  changes: Array<{ date: string; stance: Stance }>;
  counts: Record<"support" | "oppose" | "neutral", number>;
  evidence: Evidence[];
  conflicts: Evidence[];
}

export interface Quote {
  id: string;
  document: string;
  outlet: string | null;
  published: string | null;
  speaker: { id: string; name: string } | null;
  kind: string;
  text: string;
  review: string;
}

export interface Issue {
  id: string;
  label: string;
}
