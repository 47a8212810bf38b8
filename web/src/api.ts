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
