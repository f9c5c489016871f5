// Files whose role a framework gives by their path: route modules whose exports are entry points, and modules
// that run only on the server.

export function isAppRouteFile(file: string): boolean {
  return /(^|[\\/])app[\\/](.*[\\/])?route\.(ts|js|mts|mjs|tsx|jsx)$/.test(file);
}

export function isPagesApiFile(file: string): boolean {
  return /(^|[\\/])pages[\\/]api[\\/]/.test(file);
}

/** SvelteKit endpoints (`+server.ts`) and Astro API routes (`src/pages/**.ts`): exported HTTP methods taking an event. */
export function isEventEndpointFile(file: string): boolean {
  return /[\\/]\+server\.[cm]?[jt]s$/.test(file) || /(^|[\\/])src[\\/]pages[\\/](.*[\\/])?[^\\/]+\.[cm]?[jt]s$/.test(file);
}

/** SvelteKit page server modules (`+page.server.ts`: `actions`, `load`). */
export function isSvelteKitPageServerFile(file: string): boolean {
  return /[\\/]\+(page|layout)\.server\.[cm]?[jt]s$/.test(file);
}

/** Remix / React Router route modules (`app/routes/**`, `app/root.tsx`): `action` and `loader`. */
export function isRemixRouteFile(file: string): boolean {
  return /(^|[\\/])app[\\/](routes[\\/].*|root)\.[cm]?[jt]sx?$/.test(file);
}

/** Nuxt / Nitro server routes (`server/api/**`, `server/routes/**`): a default-exported event handler. */
export function isNitroRouteFile(file: string): boolean {
  return /(^|[\\/])server[\\/](api|routes)[\\/](.*[\\/])?[^\\/]+\.[cm]?[jt]s$/.test(file);
}

/** Netlify Functions (`netlify/functions/**`, `netlify/edge-functions/**`). */
export function isNetlifyFunctionFile(file: string): boolean {
  return /(^|[\\/])netlify[\\/](edge-)?functions[\\/](.*[\\/])?[^\\/]+\.[cm]?[jt]s$/.test(file);
}

/** A file whose exports are entry points by convention (candidates for analysis even without an SDK import). */
export function isConventionEntryFile(file: string): boolean {
  return isAppRouteFile(file) || isPagesApiFile(file) || isEventEndpointFile(file) || isSvelteKitPageServerFile(file) || isRemixRouteFile(file) || isNitroRouteFile(file) || isNetlifyFunctionFile(file);
}

/**
 * Modules that run only on the server by their framework's convention (SvelteKit and Astro endpoints, `*.server.ts`,
 * `lib/server/`, hooks and middleware): there, Vite's `import.meta.env` holds the server's own variables, and only
 * the publicly prefixed ones (`PUBLIC_`, `VITE_`) are also shipped to the browser.
 */
export function isServerOnlyModule(file: string): boolean {
  return isConventionEntryFile(file) || /\.server\.[cm]?[jt]sx?$|[\\/]lib[\\/]server[\\/]|(^|[\\/])src[\\/](hooks\.server|middleware)\.[cm]?[jt]s$|(^|[\\/])server[\\/]middleware[\\/]/.test(file);
}
