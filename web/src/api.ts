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

const TOKEN_KEY = "standpoint-token";

/**
 * The server's write token: `serve --token` prints the app's address with it in the fragment, which
 * browsers never send; it is kept for the tab and taken out of the address bar.
 */
function writeToken(): string | null {
  const given = /(?:^#|&)token=([^&]*)/.exec(location.hash)?.[1];
  if (given !== undefined) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(given));
    history.replaceState(history.state, "", location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}
writeToken();

export async function post<T>(path: string, body: unknown): Promise<T> {
  const token = writeToken();
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new ApiError((json as { error?: string }).error ?? response.statusText);
  return json as T;
}
