// Type declarations of @lumina-auth/client (src/index.js), written by hand: keep them in step with it.

/** `"error"`: Lumina could not be reached or did not answer as Lumina does; it is not "signed out". */
export type AuthStatus = "loading" | "authenticated" | "unauthenticated" | "error";

/**
 * A sign-in error code: Lumina's (`credentials_invalid`, `access_denied`, `state_invalid`, `csrf_invalid`,
 * `invalid_redirect`, `provider_error`, `server_error`, ...) or the client's own (`network_error`: no answer,
 * or a proxy's 502-504; `server_error`: an answer that is not Lumina's).
 */
export type AuthErrorCode = string;

/** The client-safe session that `GET <base>/session` answers. */
export interface Session {
  subject: string;
  provider?: string;
  email?: string;
  name?: string;
  picture?: string;
  roles: string[];
  claims: Record<string, unknown>;
  /** ISO-8601 instant */
  expires?: string;
}

export interface AuthState {
  readonly status: AuthStatus;
  readonly session: Session | null;
  /** The error of a failed sign-in (also read once from the page's `?error=`), or the transport's error. */
  readonly error: AuthErrorCode | null;
}

/** Svelte's readable store contract: `$authState` works in Svelte components. */
export interface Readable<T> {
  /** Calls `run` at once with the current value and on every change; returns the function that unsubscribes. */
  subscribe(run: (value: T) => void, invalidate?: (value?: T) => void): () => void;
}

export interface Provider {
  id: string;
  name: string;
  type: "oidc" | "google" | "github" | "credentials" | (string & {});
  /** Absolute URL of `POST <base>/signin/<id>` */
  signinUrl: string;
}

export interface SignInOptions {
  /** Where the browser goes after signing in: a path (from the host's root, context path included) or an allowed origin's URL. */
  callbackUrl?: string;
  /** Where a failed sign-in goes, with `?error=<code>` (default: Lumina's built-in error page). */
  errorUrl?: string;
  /** `true` (default): the page navigates away and the promise never settles. `false`: it resolves to a SignInResult. */
  redirect?: boolean;
  /** Credentials providers: the form fields, e.g. `{ username, password }`. */
  fields?: Record<string, string | number | boolean | null | undefined>;
}

export interface SignInResult {
  ok: boolean;
  /** The HTTP status of Lumina's answer. */
  status: number;
  error: AuthErrorCode | null;
  /** Where the browser would go: the provider's authorization URL, or the callback URL after a credentials sign-in. */
  url: string | null;
}

export interface SignOutOptions {
  /** Where the browser goes after signing out (default: the application root). */
  callbackUrl?: string;
  /**
   * `true`: also end the session at the provider (OpenID Connect RP-Initiated Logout, when it has an
   * `end_session_endpoint`); the browser passes through the provider on its way to `callbackUrl`. `false`: sign
   * out of the application only. Unset: the provider's `logout` setting decides (default: local).
   */
  provider?: boolean;
  /** `true` (default): the page navigates away and the promise never settles. */
  redirect?: boolean;
}

export interface SignOutResult {
  ok: boolean;
  error: AuthErrorCode | null;
  /** Where the browser would go: `callbackUrl`, or the provider's end-session URL (navigate there to end it). */
  url: string | null;
}

/** What a fetch-compatible function needs to offer (the global `fetch`, SvelteKit's `event.fetch`, a fake). */
export type FetchLike = (input: string, init: {
  method: string;
  credentials: "same-origin";
  headers: Record<string, string>;
  body?: string;
  cache: "no-store";
}) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** The part of `window` the client uses; `null`: no browser (no redirect, no `?error=` read). */
export interface WindowLike {
  location: { href: string; assign(url: string): void };
  history?: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
}

export interface ClientOptions {
  /**
   * Where Lumina's endpoints are: a path on the page's origin (`"/api/auth"`, Lumina's
   * `lumina.auth.base-path` under the JAX-RS application root) or an absolute URL. Default: beside the module
   * when Lumina serves it (`<base>/client.js`), else `"/auth"`.
   */
  base?: string;
  /** Default: the global `fetch`, looked up at each request. */
  fetch?: FetchLike;
  /** Default: the global `window`, looked up when needed. */
  window?: WindowLike | null;
}

export interface LuminaClient {
  readonly authState: Readable<AuthState>;
  signIn(provider: string, options?: SignInOptions): Promise<SignInResult>;
  signOut(options?: SignOutOptions): Promise<SignOutResult>;
  getSession(): Promise<Session | null>;
  getProviders(): Promise<Provider[]>;
  configure(options: ClientOptions): void;
}

/** Lumina could not be reached, or answered what Lumina does not: authState's status is then `"error"`. */
export class LuminaError extends Error {
  constructor(code: "network_error" | "server_error", message: string, options?: { cause?: unknown });
  readonly code: "network_error" | "server_error";
}

/** A client with a state of its own (another back end, a fake fetch or window in tests). */
export function createClient(options?: ClientOptions): LuminaClient;

/** The module's client's sign-in state. In a browser, the session is loaded on the first subscription. */
export const authState: Readable<AuthState>;

/** Points the module's client elsewhere, e.g. `configure({ base: "/api/auth" })`; call it before first use. */
export function configure(options: ClientOptions): void;

/** The signed-in session, or null; updates authState. Rejects with a LuminaError when Lumina cannot be reached. */
export function getSession(): Promise<Session | null>;

/** The configured providers. */
export function getProviders(): Promise<Provider[]>;

/**
 * Starts a sign-in. With `redirect: true` (default) the browser leaves the page (to the provider, to
 * `callbackUrl`, or to `errorUrl?error=<code>`) and the promise never settles; with `redirect: false` it
 * resolves to the result. Rejects with a LuminaError when Lumina cannot be reached.
 */
export function signIn(provider: string, options?: SignInOptions): Promise<SignInResult>;

/** Signs out; with `redirect: true` (default) the browser goes to `callbackUrl` and the promise never settles. */
export function signOut(options?: SignOutOptions): Promise<SignOutResult>;
