// The one way a loader or action gives up with a 404 or a 403: `throw notFound()`,
// `throw forbidden()`. Each is a Response, so it serves a page route (its error boundary
// shows the page of the status's kind: ADR 021, app/domain/error-page.ts) and a resource
// route (answered as it is) alike. `body`: what the error page needs besides the status,
// such as the title its meta shows, or ROLE_REFUSAL.
export function notFound(body?: object): Response {
  return errorResponse(404, body);
}

export function forbidden(body?: object): Response {
  return errorResponse(403, body);
}

function errorResponse(status: 403 | 404, body: object | undefined): Response {
  return body === undefined ? new Response(null, { status }) : Response.json(body, { status });
}
