// SAFE (for this rule): a scraper for a self-signed internal dashboard disables TLS checks, but calls no LLM
import { writeFile } from 'node:fs/promises';

// ok: insecure-llm-transport
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const DASHBOARD = 'https://grafana.lab.acme.internal/api/dashboards/uid/node-exporter';

async function snapshot(): Promise<void> {
  const res = await fetch(DASHBOARD, {
    headers: { Authorization: `Bearer ${process.env.GRAFANA_TOKEN}` },
  });
  const json = await res.json();
  await writeFile(`./snapshots/${Date.now()}.json`, JSON.stringify(json, null, 2));
  console.log('saved snapshot of', json.dashboard?.title);
}

snapshot();
