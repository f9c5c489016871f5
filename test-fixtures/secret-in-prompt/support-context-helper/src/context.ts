// Builds the account-context system prompt for the in-app assistant from the logged-in user
export interface AppUser {
  id: string;
  name: string;
  email: string;
  phoneNumber: string;
  plan: 'free' | 'pro';
}

export function buildSupportContext(user: AppUser): string {
  return [
    'You are the in-app support assistant for Acme Cloud. Be brief.',
    `Customer: ${user.name} <${user.email}>`,
    `Phone on file: ${user.phoneNumber}`,
    `Plan: ${user.plan}`,
  ].join('\n');
}
