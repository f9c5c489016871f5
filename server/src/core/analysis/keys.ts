// Provider key formats, placeholders and loopback hosts: the literal-level facts the key and
// transport rules rest on.

/** Known provider key formats (OpenAI, Anthropic, Google, Groq, Hugging Face, xAI, Perplexity, Replicate, OpenRouter, AWS). */
const KEY_PATTERNS: { provider: string; envKey: string; re: RegExp }[] = [
  { provider: 'Anthropic', envKey: 'ANTHROPIC_API_KEY', re: /^sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{40,}$/ },
  { provider: 'OpenRouter', envKey: 'OPENROUTER_API_KEY', re: /^sk-or-v1-[a-f0-9]{40,}$/ },
  { provider: 'OpenAI', envKey: 'OPENAI_API_KEY', re: /^sk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}$/ },
  { provider: 'Google', envKey: 'GEMINI_API_KEY', re: /^AIza[0-9A-Za-z_-]{35}$/ },
  { provider: 'Groq', envKey: 'GROQ_API_KEY', re: /^gsk_[A-Za-z0-9]{30,}$/ },
  { provider: 'Hugging Face', envKey: 'HF_TOKEN', re: /^hf_[A-Za-z0-9]{30,}$/ },
  { provider: 'xAI', envKey: 'XAI_API_KEY', re: /^xai-[A-Za-z0-9]{40,}$/ },
  { provider: 'Perplexity', envKey: 'PERPLEXITY_API_KEY', re: /^pplx-[A-Za-z0-9]{40,}$/ },
  { provider: 'Replicate', envKey: 'REPLICATE_API_TOKEN', re: /^r8_[A-Za-z0-9]{30,}$/ },
  { provider: 'Fireworks', envKey: 'FIREWORKS_API_KEY', re: /^fw_[A-Za-z0-9]{20,}$/ },
  { provider: 'AWS', envKey: 'AWS_ACCESS_KEY_ID', re: /^(?:AKIA|ASIA)[0-9A-Z]{16}$/ },
];

/** Cheap text test used to decide whether a file needs a look for literal keys at all. */
export const KEY_TEXT_HINT = /sk-[A-Za-z0-9_-]{16}|AIza[0-9A-Za-z_-]{30}|gsk_[A-Za-z0-9]{30}|hf_[A-Za-z0-9]{30}|xai-[A-Za-z0-9]{30}|pplx-[A-Za-z0-9]{30}|r8_[A-Za-z0-9]{30}|fw_[A-Za-z0-9]{20}/;

const PLACEHOLDER = /x{4,}|\.{3}|your|example|placeholder|replace|changeme|dummy|fake|sample|insert|redacted|<|>|\{|\}|\*{3,}|test|demo|todo|fixme|none|null|undefined|abc123|1234567/i;

export function isPlaceholder(text: string): boolean {
  if (text.length < 16) return true;
  if (PLACEHOLDER.test(text)) return true;
  if (/(.)\1{5,}/.test(text)) return true;
  return entropy(text) < 3.0;
}

export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** The provider whose key format `text` has, if it is a real-looking key. */
export function knownKeyProvider(text: string): { provider: string; envKey: string } | undefined {
  const token = text.replace(/^Bearer\s+/i, '').trim();
  for (const k of KEY_PATTERNS) if (k.re.test(token) && !isPlaceholder(token.replace(/^[a-z]+[-_]/, ''))) return k;
  return undefined;
}

/** A literal given where an SDK expects its key: any long, high-entropy token that is not a placeholder. */
export function looksLikeSecretToken(text: string): boolean {
  const token = text.replace(/^Bearer\s+/i, '').trim();
  if (knownKeyProvider(token)) return true;
  if (!/^[A-Za-z0-9_\-.+/=:]{20,}$/.test(token)) return false;
  if (isPlaceholder(token)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((r) => r.test(token)).length;
  return classes >= 2 && entropy(token) >= 3.5;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1|0\.0\.0\.0)$/i;

/** For a URL literal: is it plain http to a host other than this machine? */
export function insecureHttpUrl(text: string): boolean {
  const m = /^http:\/\/(\[[^\]]+\]|[^/:?#]+)/i.exec(text.trim());
  if (!m) return false;
  return !LOOPBACK.test(m[1]) && !/\.localhost$/i.test(m[1]);
}

export function hostOf(text: string): string | undefined {
  const m = /^(?:https?:)?\/\/([^/:?#]+)/i.exec(text.trim());
  return m?.[1].toLowerCase();
}

export function isSecretEnvName(name: string): boolean {
  if (/^(DATABASE_URL|DB_URL|REDIS_URL|POSTGRES_URL|MONGO(DB)?_URI)$|_CONNECTION_STRING$|_DSN$/i.test(name)) return true;
  if (/(_URL|_HOST|_ENDPOINT|_MODEL|_REGION|_NAME|_ID|_VERSION)$/i.test(name)) return false;
  return /(API_?KEY|(^|_)KEY|SECRET|TOKEN|PASSWORD|PASSWD|(^|_)PWD|CREDENTIALS?|ACCESS_KEY)($|_)/i.test(name);
}

export function isPublicEnvName(name: string): boolean {
  return /^(NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|PUBLIC_|NUXT_PUBLIC_|GATSBY_)/.test(name);
}

const PII_NAMES = new Set(
  [
    'ssn', 'socialsecuritynumber', 'social_security_number', 'email', 'emailaddress', 'email_address', 'phone',
    'phonenumber', 'phone_number', 'mobile', 'mobilenumber', 'dateofbirth', 'date_of_birth', 'dob', 'birthdate',
    'birthday', 'creditcard', 'creditcardnumber', 'credit_card', 'credit_card_number', 'cardnumber', 'card_number',
    'cvv', 'cvc', 'iban', 'accountnumber', 'account_number', 'routingnumber', 'passportnumber', 'passport',
    'passport_number', 'driverslicense', 'driverlicense', 'licensenumber', 'password', 'taxid', 'tax_id',
    'nationalid', 'national_id', 'medicalrecord', 'medical_record', 'medicalhistory', 'diagnosis', 'salary',
    'address', 'streetaddress', 'street_address', 'homeaddress', 'home_address', 'billingaddress', 'shippingaddress',
  ].map((n) => n.toLowerCase()),
);

/** camelCase/snake_case names ending in a PII word: customerEmail, contact_phone, patientDob. */
const PII_SUFFIX = /(email|e_mail|emailaddress|email_address|phone|phonenumber|phone_number|mobilenumber|ssn|socialsecuritynumber|dateofbirth|date_of_birth|birthdate|creditcard|creditcardnumber|cardnumber|card_number|iban|passportnumber|taxid|tax_id|homeaddress|home_address|streetaddress|street_address|billingaddress|shippingaddress)$/;

export function isPiiName(name: string): boolean {
  const n = name.toLowerCase();
  return PII_NAMES.has(n) || (PII_SUFFIX.test(n) && !/(is|has|valid|verified|confirmed|enabled|sent|count|template|subject|type|format)/.test(n.slice(0, -5)));
}

const CREDENTIAL_PROPS = new Set(
  ['authorization', 'cookie', 'cookies', 'set-cookie', 'apikey', 'api_key', 'x-api-key', 'accesstoken', 'access_token',
    'refreshtoken', 'refresh_token', 'idtoken', 'id_token', 'secret', 'clientsecret', 'client_secret', 'privatekey',
    'private_key', 'sessiontoken', 'session_token', 'token', 'authtoken', 'auth_token', 'bearertoken', 'resettoken',
    'reset_token', 'secretkey', 'secret_key', 'passwordhash', 'password_hash', 'otp', 'totpsecret', 'mfasecret'],
);

/** A property or variable whose name says it holds a credential (authorization, resetToken, clientSecret). */
export function isCredentialName(name: string): boolean {
  const n = name.toLowerCase();
  if (CREDENTIAL_PROPS.has(n)) return true;
  return /(password|passwd|secret|apikey|api_key|accesstoken|refreshtoken|resettoken|authtoken|sessiontoken|bearertoken|privatekey|private_key)$/.test(n);
}
