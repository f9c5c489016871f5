// Support portal shell: sign-in state and the chat window.
import { useState } from "react";
import { ChatWindow } from "./components/ChatWindow";

const SESSION_KEY = "helpdesk.session";

export function App() {
  const [token, setToken] = useState(() => localStorage.getItem(SESSION_KEY) ?? "");

  function signOut() {
    localStorage.removeItem(SESSION_KEY);
    setToken("");
  }

  if (!token) {
    return (
      <main className="signed-out">
        <h1>Acme Cloud Support</h1>
        <p>Sign in with your Acme Cloud account to chat with our assistant.</p>
        <a className="button" href="/sso/login?return_to=/">
          Sign in
        </a>
      </main>
    );
  }

  return (
    <main className="portal">
      <header className="portal-header">
        <h1>Acme Cloud Support</h1>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <ChatWindow token={token} />
      <footer className="portal-footer">
        Answers are written by an AI assistant and can be wrong. Ask for a human agent at any time.
      </footer>
    </main>
  );
}
