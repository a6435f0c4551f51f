// What the HTTP server (app/server/main.ts) hands to every loader, action and the
// document renderer.
import "@remix-run/node";

declare module "@remix-run/node" {
  // Single fetch: loaders return plain objects, typed accordingly.
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** This response's Content-Security-Policy nonce. */
    cspNonce: string;
    /** The client's address as Express sees it (TRUST_PROXY_HOPS decides which hop). */
    clientAddress: string;
  }
}

export {};
