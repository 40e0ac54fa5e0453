/**
 * A minimal browser for the console over HTTP: signs in through the real OAuth redirects
 * (app → simulator's authorize → app's callback) and keeps the session cookie. The e2e tests
 * and the benchmark use it; the browser tests drive Chromium instead.
 */
export interface ConsoleResponse {
  status: number;
  headers: Headers;
  text: string;
}

export class ConsoleClient {
  constructor(
    readonly baseUrl: string,
    /** `name=value` of the session cookie; "" = signed out. */
    public cookie = "",
  ) {}

  async get(path: string): Promise<ConsoleResponse> {
    const response = await fetch(new URL(path, this.baseUrl), { redirect: "manual", headers: this.cookie ? { cookie: this.cookie } : {} });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  async post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<ConsoleResponse> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: new URLSearchParams(form).toString(),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  /** The CSRF token of a page's forms. */
  static csrfOf(page: string): string {
    const match = /name="csrf" value="([^"]+)"/.exec(page);
    if (!match) throw new Error("the page has no form with a CSRF token");
    return match[1];
  }
}

/** Signs in as `login` (the simulator's authorize endpoint takes GitHub's `login` hint). */
export async function signIn(baseUrl: string, login: string): Promise<ConsoleClient> {
  const start = await fetch(new URL(`/-/login?login=${encodeURIComponent(login)}`, baseUrl), { redirect: "manual" });
  const signInCookie = cookieOf(start, "ag_sign_in");
  const authorize = await fetch(start.headers.get("location")!, { redirect: "manual" });
  if (authorize.status !== 302) throw new Error(`the simulator did not sign ${login} in (${authorize.status})`);
  const callback = await fetch(authorize.headers.get("location")!, { redirect: "manual", headers: { cookie: signInCookie } });
  const session = cookieOf(callback, "ag_session");
  if (callback.status !== 303 || !session) throw new Error(`sign-in failed: ${callback.status} ${await callback.text()}`);
  return new ConsoleClient(baseUrl, session);
}

function cookieOf(response: Response, name: string): string {
  const found = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
  return found ? found.split(";")[0] : "";
}
