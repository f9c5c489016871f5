// SARIF reporting descriptors (tool.driver.rules) built from the rules' metadata and docs.
import type { Severity } from '../core';
import type { ReportRuleMeta } from '../config';
import type { SarifLevel, SarifReportingDescriptor } from './sarif-types';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

/** Security rules carry `security`, their OWASP ids and CWEs; the meta rules (about suppression comments) do not. */
function tags(meta: ReportRuleMeta): string[] {
  if (meta.securitySeverity === undefined) return ['maintainability'];
  const cwe = meta.cwe.map((id) => `external/cwe/${id.toLowerCase()}`);
  return [...new Set(['security', ...meta.owasp2025, ...meta.owasp2026, ...cwe])];
}

/** The first prose paragraph of a markdown document (headings, code and quotes skipped). */
export function firstParagraph(markdown: string): string | undefined {
  const blocks = markdown.replace(/\r\n/g, '\n').split(/\n\s*\n/);
  const prose = blocks.map((b) => b.trim()).find((b) => b !== '' && !/^(#|```|>|---|\||<!--)/.test(b));
  return prose?.replace(/\s*\n\s*/g, ' ');
}

/** `doc` is the rule's markdown page (rules/docs/<id>.md) when there is one: it becomes the markdown help. */
export function reportingDescriptor(meta: ReportRuleMeta, doc: string | undefined): SarifReportingDescriptor {
  const description = (doc && firstParagraph(doc)) || meta.shortDescription;
  return {
    id: meta.id,
    name: meta.name,
    shortDescription: { text: meta.shortDescription },
    fullDescription: { text: description },
    helpUri: meta.helpUri,
    help: {
      text: `${description}\n\nDocumentation: ${meta.helpUri}`,
      markdown: doc ?? `${description}\n\n[Documentation](${meta.helpUri})`,
    },
    defaultConfiguration: { level: sarifLevel(meta.severity) },
    properties: {
      tags: tags(meta),
      ...(meta.securitySeverity !== undefined && { 'security-severity': meta.securitySeverity.toFixed(1) }),
      // GitHub's precision scale is very-high/high/medium/low; our confidence uses its lower three steps.
      precision: meta.confidence,
    },
  };
}
