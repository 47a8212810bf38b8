import { useEffect, useState } from "preact/hooks";

/** The view and its parameters live in the URL, so a view can be shared and the back button works. */
export type Route = Record<string, string>;

export function currentRoute(): Route {
  return Object.fromEntries(new URLSearchParams(location.search));
}

export function href(route: Route): string {
  const params = new URLSearchParams(Object.entries(route).filter(([, v]) => v !== undefined && v !== ""));
  return `/?${params}`;
}

export function navigate(route: Route, replace = false): void {
  const url = href(route);
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  dispatchEvent(new Event("standpoint:navigate"));
}

/** Changes parts of the current route, keeping the rest. */
export function update(changes: Route, replace = false): void {
  navigate({ ...currentRoute(), ...changes }, replace);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute());
  useEffect(() => {
    const on = () => setRoute(currentRoute());
    addEventListener("popstate", on);
    addEventListener("standpoint:navigate", on);
    return () => {
      removeEventListener("popstate", on);
      removeEventListener("standpoint:navigate", on);
    };
  }, []);
  return route;
}

/** Follows a link inside the app without reloading the page. */
export function link(route: Route) {
  return {
    href: href(route),
    onClick: (event: MouseEvent) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      navigate(route);
    },
  };
}
