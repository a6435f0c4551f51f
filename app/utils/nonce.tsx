// The per-request Content-Security-Policy nonce, made by the HTTP server and handed to
// the components that render inline scripts. In the browser it is an empty string:
// browsers hide nonce attributes from the DOM once the page has loaded.
import { createContext, useContext } from "react";

const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
