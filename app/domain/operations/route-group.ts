// Labels of the request metrics. Each comes from a fixed list, so the number of time series
// stays bounded whatever clients send, and no path (which can hold a reference, a token or an
// address) ever becomes a label.

/** First path segments that name a part of the portal; anything else is "other". */
const ROUTE_GROUPS = new Set(["check", "inquiries", "my", "signin", "notices", "deletion-requests", "staff", "build", "assets", "healthz", "metrics", "dev"]);

export function routeGroupOf(path: string): string {
  const pathname = path.split("?", 1)[0]!;
  if (pathname === "/" || pathname === "") return "/";
  const first = pathname.split("/")[1] ?? "";
  return ROUTE_GROUPS.has(first) ? first : "other";
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function methodLabelOf(method: string): string {
  return METHODS.has(method) ? method : "other";
}

/** "2xx" … "5xx"; anything outside 100–599 (never sent by a working server) is "other". */
export function statusClassOf(status: number): string {
  return Number.isInteger(status) && status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other";
}
